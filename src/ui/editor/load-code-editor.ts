// Monaco is fetched only on intent: prefetched on hover or focus, mounted on click. Never on first paint.
import { createElement, lazy, type ComponentType } from 'react'
import type { ScenarioJsonEditorProps } from './ScenarioJsonEditor.tsx'

let loading: Promise<typeof import('./CodeEditor.tsx')> | null = null

/** Starts (once) fetching the editor chunk; safe to call on every hover. */
export function prefetchCodeEditor(): Promise<typeof import('./CodeEditor.tsx')> {
  loading ??= import('./CodeEditor.tsx').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

const failedAttempts = new Set<() => void>()

/**
 * Lets the editors load again after a failed load (offline, then reconnected, then "Try again"): React
 * keeps a lazy component's rejection forever, so each failed one is replaced by a fresh one. Only on
 * request: replacing it during React's own retry render would start a new download on every retry.
 */
export function retryEditorLoad(): void {
  for (const replace of failedAttempts) replace()
  failedAttempts.clear()
}

function retryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const attempt = () =>
    lazy(async () => {
      try {
        return await load()
      } catch (error) {
        failedAttempts.add(() => (current = attempt()))
        throw error
      }
    })
  let current = attempt()
  return function RetryableLazy(props: P) {
    return createElement(current, props)
  }
}

export const LazyCodeEditor = retryableLazy(prefetchCodeEditor)

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

export const LazyScenarioJsonEditor = retryableLazy<ScenarioJsonEditorProps>(() =>
  prefetchScenarioJsonEditor().then((module) => ({ default: module.ScenarioJsonEditor })),
)
