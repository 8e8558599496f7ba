// Where a lazy editor appears: same height before and after Monaco arrives, and a message if it can't load.
import { Component, Suspense, type ReactNode } from 'react'
import { BUTTON } from '../components/buttons.ts'
import { prefetchCodeEditor, retryEditorLoad } from './load-code-editor.ts'

interface EditorFrameProps {
  height: number
  /** The most text one paste or drop may bring in; a larger one is refused before Monaco sees it. */
  pasteLimit: number
  /** For JSON editors: the deepest nesting one paste may bring in. */
  pasteMaxDepth?: number
  children: ReactNode
}

export function EditorFrame({ height, pasteLimit, pasteMaxDepth, children }: EditorFrameProps) {
  return (
    <>
      <div
        style={{ height }}
        data-paste-limit={pasteLimit}
        data-paste-max-depth={pasteMaxDepth}
        className="overflow-hidden rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-[#1e1e1e]"
      >
        <LoadFailure height={height}>
          <Suspense
            fallback={
              <div
                style={{ height }}
                className="grid place-items-center text-xs text-slate-500"
                role="status"
              >
                Loading editor…
              </div>
            }
          >
            {children}
          </Suspense>
        </LoadFailure>
      </div>
      <p className="mt-1 text-[0.68rem] text-slate-500 dark:text-slate-400">
        Tab indents inside the editor; press <kbd className="font-mono">Ctrl+M</kbd> so Tab moves focus
        instead.
      </p>
    </>
  )
}

class LoadFailure extends Component<{ height: number; children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  render() {
    if (!this.state.failed) return this.props.children
    // Read when it failed: offline with no kept copy is the one failure a visitor can fix (see the README).
    const offline = !navigator.onLine
    return (
      <div
        style={{ height: this.props.height }}
        className="grid place-items-center p-4 text-center text-sm"
        role="alert"
      >
        <div>
          <p className="text-red-700 dark:text-red-300">
            {offline ? 'The editor isn’t available offline yet.' : 'The editor could not load.'}
          </p>
          <p className="my-2 text-slate-600 dark:text-slate-300">
            {offline
              ? 'It is downloaded the first time an editor is opened with a network, and kept for offline use from then on. This browser hasn’t downloaded it yet. Everything else on the page works offline; reconnect, then try again.'
              : 'Its files didn’t arrive. Check the connection, then try again.'}
          </p>
          <button
            type="button"
            className={BUTTON}
            onClick={() => {
              retryEditorLoad()
              this.setState({ failed: false })
            }}
          >
            Try again
          </button>
        </div>
      </div>
    )
  }
}

interface OpenEditorButtonProps {
  label: string
  open: boolean
  controls: string
  onToggle: () => void
  /** What to start fetching on hover or focus; Monaco by default. */
  prefetch?: () => Promise<unknown>
}

/** Opens an editor on click; hovering or focusing it starts fetching Monaco so it opens fast. */
export function OpenEditorButton({
  label,
  open,
  controls,
  onToggle,
  prefetch: load = prefetchCodeEditor,
}: OpenEditorButtonProps) {
  const prefetch = () => void load().catch(() => undefined)
  return (
    <button
      type="button"
      className={`${BUTTON} aria-expanded:border-indigo-400 aria-expanded:bg-indigo-50 aria-expanded:text-indigo-800 dark:aria-expanded:border-indigo-500 dark:aria-expanded:bg-indigo-950 dark:aria-expanded:text-indigo-200`}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={onToggle}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor">
        <path d="M10.5 2.5l3 3-7.5 7.5H3v-3z" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      {label}
    </button>
  )
}
