// Says, for a few seconds, that a paste was refused as too large (see paste-guard.ts), and by how much.
import { useEffect, useState } from 'react'
import { Notice } from './components/Notice.tsx'
import { installPasteGuard, textSize, type PasteRefusal } from './paste-guard.ts'

const SHOWN_MS = 10_000

export function PasteRefusedNotice() {
  const [refusal, setRefusal] = useState<PasteRefusal | null>(null)
  useEffect(() => installPasteGuard(setRefusal), [])
  useEffect(() => {
    if (!refusal) return
    const timer = setTimeout(() => setRefusal(null), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [refusal])
  return (
    <div
      aria-live="assertive"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
    >
      {refusal && (
        <div role="alert" className="pointer-events-auto max-w-md shadow-lg">
          <Notice tone="warn">
            <span className="font-semibold">Not pasted:</span>{' '}
            {refusal.kind === 'size'
              ? `that text is ${textSize(refusal.size)}, more than this field takes at once (${textSize(refusal.limit)}).`
              : `that text nests more than ${refusal.limit.toLocaleString('en')} levels deep, more than this editor can check.`}{' '}
            Nothing was changed.{' '}
            <button type="button" className="font-medium underline" onClick={() => setRefusal(null)}>
              Dismiss
            </button>
          </Notice>
        </div>
      )}
    </div>
  )
}
