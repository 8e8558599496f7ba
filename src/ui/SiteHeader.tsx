// The page header: what this is, the promises it keeps (real keys, nothing leaves), and the theme toggle.
import type { useTheme } from './hooks/use-theme.ts'
import { ThemeToggle } from './ThemeToggle.tsx'

const FACTS = [
  'Real ES256 keys, made in this tab with WebCrypto',
  'Nothing leaves this page',
  'Demo keys only: don’t paste production tokens',
]

export function SiteHeader({ theme }: { theme: ReturnType<typeof useTheme> }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1680px] items-start justify-between gap-4 px-4 py-4 sm:px-6">
        <div className="flex min-w-0 gap-3">
          <Mark />
          <div className="min-w-0">
            <h1 className="text-lg font-semibold tracking-tight sm:text-xl">Token Exchange Playground</h1>
            <p className="mt-0.5 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
              OAuth 2.0 Token Exchange (RFC 8693) when a person delegates to an AI agent. Change the scope, an
              audience or the acting agent and watch the request, the delegated token and the audit trail
              follow.
            </p>
            <ul className="mt-2 flex flex-wrap gap-1.5 text-[0.7rem] text-slate-600 dark:text-slate-300">
              {FACTS.map((fact) => (
                <li
                  key={fact}
                  className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-0.5 dark:bg-slate-800"
                >
                  <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
                  {fact}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <ThemeToggle {...theme} />
      </div>
    </header>
  )
}

/** A person's token passing to an agent: two nodes and an arrow. */
function Mark() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 40 40"
      className="mt-0.5 hidden size-10 shrink-0 rounded-xl bg-indigo-600 p-2 text-white sm:block dark:bg-indigo-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <circle cx="9" cy="12" r="4.5" />
      <path d="M2.5 29c0-4 3-7 6.5-7s6.5 3 6.5 7" />
      <rect x="24.5" y="18" width="13" height="12" rx="3" />
      <path d="M31 14v4M28.5 24h.01M33.5 24h.01" />
      <path d="M15 11h9l-3-3M24 11l-3 3" />
    </svg>
  )
}
