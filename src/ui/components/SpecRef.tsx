// A spec reference ("RFC 8693 §2.2.2") with each RFC section linked to its text.
import { memo } from 'react'
import type { SpecRef as SpecReference } from '../../core/protocol/index.ts'
import { specParts, specRefParts } from '../format/spec-links.ts'

interface SpecRefProps {
  spec: string | SpecReference
  className?: string
  /**
   * False for references repeated in every row of a list (checks, claims): dozens of links in the Tab
   * order make the page slow to cross by keyboard. They stay links, for pointers and for a screen
   * reader's links list; the one reference that matters most (a refusal's) stays in the Tab order.
   */
  tabbable?: boolean
}

/** Memoized: every Run re-renders dozens of these with the same spec strings (checks, claims). */
export const SpecRef = memo(function SpecRef({ spec, className = '', tabbable = true }: SpecRefProps) {
  return (
    <span
      className={`font-mono text-[0.7rem] whitespace-nowrap text-slate-500 dark:text-slate-400 ${className}`}
    >
      {(typeof spec === 'string' ? specParts(spec) : specRefParts(spec)).map((part, i) =>
        part.href ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noreferrer"
            tabIndex={tabbable ? undefined : -1}
            className="whitespace-nowrap underline decoration-slate-300 underline-offset-2 hover:text-indigo-600 dark:decoration-slate-600 dark:hover:text-indigo-300"
          >
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  )
})
