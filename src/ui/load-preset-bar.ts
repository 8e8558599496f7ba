// The preset picker is its own chunk: the presets and attacks of every flow are data (about 6 KiB gzip),
// and the page leads with the result, so they arrive right after first paint (bench/budgets.json).
import { lazy } from 'react'

export const LazyPresetBar = lazy(() =>
  import('./PresetBar.tsx').then((module) => ({ default: module.PresetBar })),
)
