// A compact JWS shown whole, each part in its own colour: header, payload, signature.
import type { ReactNode } from 'react'
import { CopyButton } from './CopyButton.tsx'

const PART_COLOURS = [
  'text-rose-700 dark:text-rose-400',
  'text-violet-700 dark:text-violet-300',
  'text-sky-700 dark:text-sky-300',
]

interface EncodedTokenProps {
  /** The accessible name, e.g. "Encoded delegated token". */
  label: string
  encoded: string
  /** Short name for the copy button, e.g. "delegated token". */
  what: string
  aside?: ReactNode
}

export function EncodedToken({ label, encoded, what, aside }: EncodedTokenProps) {
  const parts = encoded.split('.')
  return (
    <div className="min-w-0">
      <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2">
        <PartLegend />
        <div className="flex items-center gap-1.5">
          {aside}
          <CopyButton what={what} text={() => encoded} />
        </div>
      </div>
      <div
        role="group"
        aria-label={label}
        className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs/5 break-all dark:border-slate-800 dark:bg-slate-950/60"
      >
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="text-slate-400">.</span>}
            <span className={PART_COLOURS[Math.min(i, 2)]}>{part}</span>
          </span>
        ))}
      </div>
    </div>
  )
}

function PartLegend() {
  return (
    <p className="flex gap-3 text-[0.7rem] text-slate-500 dark:text-slate-400" aria-hidden="true">
      {['header', 'payload', 'signature'].map((name, i) => (
        <span key={name} className="inline-flex items-center gap-1">
          <span className={`inline-block size-2 rounded-full bg-current ${PART_COLOURS[i]}`} />
          {name}
        </span>
      ))}
    </p>
  )
}
