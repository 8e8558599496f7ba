// Monaco is fetched only on intent: prefetched on hover or focus, mounted on click. Never on first paint.
import { lazy } from 'react'

let loading: Promise<typeof import('./CodeEditor.tsx')> | null = null

/** Starts (once) fetching the editor chunk; safe to call on every hover. */
export function prefetchCodeEditor(): Promise<typeof import('./CodeEditor.tsx')> {
  loading ??= import('./CodeEditor.tsx').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

export const LazyCodeEditor = lazy(prefetchCodeEditor)

let loadingScenarioEditor: Promise<typeof import('./ScenarioJsonEditor.tsx')> | null = null

/** The Scenario JSON editor brings the schema validator (zod) with it, so it too loads only on intent. */
export function prefetchScenarioJsonEditor(): Promise<typeof import('./ScenarioJsonEditor.tsx')> {
  void prefetchCodeEditor().catch(() => undefined)
  loadingScenarioEditor ??= import('./ScenarioJsonEditor.tsx').catch((error: unknown) => {
    loadingScenarioEditor = null
    throw error
  })
  return loadingScenarioEditor
}

export const LazyScenarioJsonEditor = lazy(() =>
  prefetchScenarioJsonEditor().then((module) => ({ default: module.ScenarioJsonEditor })),
)
