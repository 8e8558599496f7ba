// The result panes' code is fetched after first paint, in parallel with the protocol core and the keys:
// nothing can fill them before the first Run anyway, and first paint stays small (bench/budgets.json).

type ResultPanesModule = typeof import('./ResultPanes.tsx')

let loading: Promise<ResultPanesModule> | null = null
let loaded: ResultPanesModule | null = null

/** Starts (once) fetching the panes chunk; a failed fetch may be tried again. */
export function loadResultPanes(): Promise<ResultPanesModule> {
  loading ??= import('./ResultPanes.tsx').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

/** The panes module if it has already arrived, so later mounts render it at once. */
export const loadedResultPanes = (): ResultPanesModule | null => loaded
