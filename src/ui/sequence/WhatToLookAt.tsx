// Region "What to look at": a few sentences about this Run; each claim they name links to it in the claims pane.
import { useMemo } from 'react'
import { type Run, whatToLookAt } from '../../core/playground/index.ts'
import { claimAnchor } from '../format/claim-anchor.ts'

function showClaim(path: string) {
  // A nested claim (act.sub) sits inside its parent's row; fall back to the top-level claim, then the pane.
  const target =
    document.getElementById(claimAnchor(path)) ??
    document.getElementById(claimAnchor(path.split('.')[0] ?? path)) ??
    document.getElementById('claims')
  if (!target) return
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: true })
  target.scrollIntoView({ block: 'center' })
}

export function WhatToLookAt({ run }: { run: Run }) {
  const sentences = useMemo(() => whatToLookAt(run), [run])
  return (
    <section
      id="what-to-look-at"
      aria-labelledby="what-to-look-at-title"
      className="rounded-xl border border-indigo-200 bg-indigo-50/60 px-4 py-3 text-[0.8rem]/5 text-slate-800 dark:border-indigo-900/60 dark:bg-indigo-950/30 dark:text-slate-200"
    >
      <h2 id="what-to-look-at-title" className="mb-1 text-sm font-semibold tracking-tight">
        What to look at
      </h2>
      {sentences.map((sentence, i) => (
        <p key={i} className="mt-1">
          {sentence.map((part, j) =>
            'claim' in part ? (
              <a
                key={j}
                href={`#${claimAnchor(part.claim)}`}
                onClick={(event) => {
                  event.preventDefault()
                  showClaim(part.claim)
                }}
                className="rounded bg-white px-1 font-mono text-[0.9em] text-indigo-800 underline decoration-indigo-300 underline-offset-2 dark:bg-slate-900 dark:text-indigo-200"
              >
                {part.claim}
              </a>
            ) : (
              <span key={j}>{part.text}</span>
            ),
          )}
        </p>
      ))}
    </section>
  )
}
