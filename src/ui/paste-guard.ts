// Refuses a paste or drop too large for the field it lands in, before the field (or Monaco) sees it: a
// 10 MB paste would otherwise freeze the page for seconds while Monaco lays it out or every pane renders
// it. JSON editors also refuse text nested deeper than Monaco's JSON worker can parse without its
// recursive parser overflowing the stack.

/** Single-line fields hold ids, scopes and URIs: a few hundred characters, a token or two at most. */
export const MAX_FIELD_PASTE = 4 * 1024

/** Marks an element (a Monaco editor's frame, EditorFrame.tsx) with the most text one paste may put inside it. */
export const PASTE_LIMIT_ATTRIBUTE = 'data-paste-limit'
/** Marks a JSON editor with the deepest nesting a paste may bring. */
export const PASTE_DEPTH_ATTRIBUTE = 'data-paste-max-depth'

export interface PasteRefusal {
  /** What was too much: the length of the text, or how deep its brackets nest. */
  kind: 'size' | 'depth'
  /** Characters offered, or the nesting depth they reach. */
  size: number
  /** What the field takes in one paste. */
  limit: number
}

/** The paste limits for an event's target, or null where nothing editable is pasted into. */
export function pasteLimits(target: EventTarget | null): { size: number; depth: number } | null {
  if (!(target instanceof Element)) return null
  const marked = target.closest(`[${PASTE_LIMIT_ATTRIBUTE}]`)
  if (marked)
    return {
      size: Number(marked.getAttribute(PASTE_LIMIT_ATTRIBUTE)),
      depth: Number(marked.getAttribute(PASTE_DEPTH_ATTRIBUTE) ?? Infinity),
    }
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)
    return { size: target.maxLength > 0 ? target.maxLength : MAX_FIELD_PASTE, depth: Infinity }
  return target instanceof HTMLElement && target.isContentEditable
    ? { size: MAX_FIELD_PASTE, depth: Infinity }
    : null
}

/**
 * How deep `{` and `[` nest in JSON-like text, brackets inside strings not counted. One pass, and it
 * stops as soon as `stopAt` is passed.
 */
export function bracketDepth(text: string, stopAt = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      deepest = Math.max(deepest, ++depth)
      if (deepest > stopAt) return deepest
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1)
  }
  return deepest
}

/** Why a paste of `text` is refused under these limits, or null when it may go in. */
export function refusePaste(text: string, limits: { size: number; depth: number }): PasteRefusal | null {
  if (text.length > limits.size) return { kind: 'size', size: text.length, limit: limits.size }
  const depth = limits.depth === Infinity ? 0 : bracketDepth(text, limits.depth)
  return depth > limits.depth ? { kind: 'depth', size: depth, limit: limits.depth } : null
}

/**
 * Listens for pastes and drops on the whole window, in the capture phase, so it runs before any field or
 * editor does. An oversized one is cancelled whole (never cut short: a truncated token misleads) and
 * reported. Returns the function that stops listening.
 */
export function installPasteGuard(onRefused: (refusal: PasteRefusal) => void): () => void {
  const guard = (event: ClipboardEvent | DragEvent) => {
    const data = event instanceof ClipboardEvent ? event.clipboardData : event.dataTransfer
    const limits = pasteLimits(event.target)
    if (!data || limits === null) return
    const refusal = refusePaste(data.getData('text/plain'), limits)
    if (refusal === null) return
    event.preventDefault()
    event.stopImmediatePropagation()
    onRefused(refusal)
  }
  addEventListener('paste', guard, { capture: true })
  addEventListener('drop', guard, { capture: true })
  return () => {
    removeEventListener('paste', guard, { capture: true })
    removeEventListener('drop', guard, { capture: true })
  }
}

/** "10 MiB", "64 KiB", "900 characters". */
export function textSize(characters: number): string {
  if (characters < 1024) return `${characters} characters`
  if (characters < 1024 * 1024) return `${Math.round(characters / 1024)} KiB`
  return `${Math.round((characters / (1024 * 1024)) * 10) / 10} MiB`
}
