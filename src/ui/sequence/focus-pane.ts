// Choosing a step moves focus to the pane that shows it, and marks that pane for a moment.
import type { StepPane } from '../../core/playground/index.ts'

/** The region id of each pane a step can point at. */
export const PANE_IDS: Record<StepPane, string> = {
  'token-request': 'request',
  'token-response': 'response',
  'resource-request': 'resource-request',
  'input-tokens': 'input-tokens',
}

let clear: ReturnType<typeof setTimeout> | undefined

/** Focuses the pane's region (made focusable for this) and highlights it until the next choice. */
export function focusPane(pane: StepPane): void {
  const region = document.getElementById(PANE_IDS[pane])
  if (!region) return
  if (!region.hasAttribute('tabindex')) region.setAttribute('tabindex', '-1')
  for (const marked of document.querySelectorAll('[data-chosen]')) marked.removeAttribute('data-chosen')
  region.setAttribute('data-chosen', '')
  region.focus({ preventScroll: true })
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  region.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' })
  clearTimeout(clear)
  clear = setTimeout(() => region.removeAttribute('data-chosen'), 4000)
}
