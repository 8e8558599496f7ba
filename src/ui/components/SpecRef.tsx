// A spec reference ("RFC 8693 §2.2.2") with each RFC section linked to its text.
import { memo } from 'react'
import type { SpecRef as SpecReference } from '../../core/protocol/errors/spec-ref.ts'
import { specParts, specRefParts } from '../format/spec-links.ts'

/** Memoized: every Run re-renders dozens of these with the same spec strings (checks, claims). */
export const SpecRef = memo(function SpecRef({
  spec,
  className = '',
}: {
  spec: string | SpecReference
  className?: string
}) {
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
