// The result panes, or their skeleton until both the first Run and the panes' own code have arrived.
import { useDeferredValue, useEffect, useState } from 'react'
import type { RunState } from './hooks/use-run.ts'
import { Notice } from './components/Notice.tsx'
import { loadedResultPanes, loadResultPanes } from './load-result-panes.ts'
import { PanesLoading } from './PanesLayout.tsx'

interface PanesProps {
  state: RunState
  dark: boolean
  onEditRaw: (raw: string | null) => void
  onTamper: (claims: string | null) => void
}

export function Panes({ state, ...rest }: PanesProps) {
  const [panes, setPanes] = useState(loadedResultPanes)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    if (panes) return
    let live = true
    loadResultPanes().then(
      (module) => live && setPanes(module),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    )
    return () => {
      live = false
    }
  }, [panes])

  const { run } = state
  // The first Run mounts ~1,500 elements. Deferring that first mount renders it in the background, in
  // slices that leave the page responsive (Lighthouse TBT); once mounted, every later Run renders at once.
  const mountable = useDeferredValue(run !== null && panes !== null)
  if (!run || !panes || !mountable)
    return (
      <>
        {failure && (
          <Notice tone="error">
            The result panes could not load ({failure}). Reload the page to try again.
          </Notice>
        )}
        <PanesLoading />
      </>
    )
  return <panes.ResultPanes state={{ ...state, run }} {...rest} />
}
