// An inline message inside a pane: information, a warning, or an error that belongs to this part.
import type { ReactNode } from 'react'

const TONES = {
  info: 'border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-100',
  warn: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100',
  error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100',
}

export function Notice({
  tone,
  children,
  className = '',
}: {
  tone: keyof typeof TONES
  children: ReactNode
  className?: string
}) {
  return <div className={`rounded-lg border px-3 py-2 text-xs/5 ${TONES[tone]} ${className}`}>{children}</div>
}
