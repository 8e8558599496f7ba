// On small screens the results come first; this sticky bar keeps the controls one tap away.

export function EditScenarioBar() {
  return (
    <nav
      aria-label="Edit scenario"
      className="sticky bottom-0 z-30 border-t border-slate-200 bg-white/95 px-4 py-2 lg:hidden dark:border-slate-800 dark:bg-slate-900/95"
    >
      <a
        href="#controls"
        className="block rounded-lg bg-indigo-600 px-3 py-2 text-center text-sm font-medium text-white"
      >
        Edit scenario
      </a>
    </nav>
  )
}
