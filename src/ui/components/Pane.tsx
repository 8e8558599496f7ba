// The shell every pane shares: a named region, a title, a "what to look at" note and its actions.
import type { ReactNode } from 'react'

interface PaneProps {
  id: string
  title: string
  /** One short line on what to look at in this pane. */
  note?: ReactNode
  actions?: ReactNode
  /** Marks the pane while it shows an older result than the scenario being edited. */
  busy?: boolean
  className?: string
  children: ReactNode
}

export function Pane({ id, title, note, actions, busy = false, className = '', children }: PaneProps) {
  const headingId = `${id}-title`
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      data-stale={busy || undefined}
      className={`flex min-w-0 scroll-mt-4 flex-col rounded-xl border data-chosen:ring-2 data-chosen:ring-indigo-500 motion-safe:transition-shadow border-slate-200 bg-white shadow-xs dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <header className="border-b border-slate-100 px-4 pt-3 pb-2.5 dark:border-slate-800">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
          <h2
            id={headingId}
            className="text-sm font-semibold tracking-tight text-slate-900 dark:text-slate-100"
          >
            {title}
          </h2>
          {actions && <div className="flex flex-wrap items-center gap-1.5">{actions}</div>}
        </div>
        {note && <p className="mt-1 max-w-prose text-xs/5 text-slate-500 dark:text-slate-400">{note}</p>}
      </header>
      <div className="min-w-0 flex-1 p-4">{children}</div>
    </section>
  )
}

/** A claim, parameter or header name inside running text. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1 py-px font-mono text-[0.92em] text-slate-800 dark:bg-slate-800 dark:text-slate-200">
      {children}
    </code>
  )
}
