// A copy action with visible and announced feedback ("Copied"), sized so the feedback never shifts layout.
import { useCopy } from '../hooks/use-copy.ts'
import { BUTTON } from './buttons.ts'

interface CopyButtonProps {
  /**
   * What is copied: the accessible name is "Copy {what}" with the default label, and a custom label
   * ("Copy as curl") is the name as is. Always used in the "Copied {what}" announcement.
   */
  what: string
  /** Read lazily, at click time. */
  text: () => string
  /** Visible text when idle; defaults to "Copy". */
  label?: string
}

export function CopyButton({ what, text, label = 'Copy' }: CopyButtonProps) {
  const { state, copy } = useCopy()
  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label
  return (
    <>
      <button
        type="button"
        className={BUTTON}
        aria-label={label === 'Copy' && what ? `Copy ${what}` : label}
        onClick={() => copy(text())}
      >
        <CopyIcon done={state === 'copied'} />
        <span aria-hidden="true" className="grid">
          <span className="invisible col-start-1 row-start-1">{label.length > 6 ? label : 'Copied'}</span>
          <span className="col-start-1 row-start-1 text-left">{shown}</span>
        </span>
      </button>
      <span role="status" className="sr-only">
        {state === 'copied'
          ? `Copied ${what || 'to the clipboard'}`
          : state === 'failed'
            ? `Could not copy ${what}`
            : ''}
      </span>
    </>
  )
}

function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="size-3.5 shrink-0"
      fill="none"
      stroke="currentColor"
    >
      {done ? (
        <path d="M3.5 8.5l3 3 6-7" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" strokeWidth="1.3" />
          <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" strokeWidth="1.3" />
        </>
      )}
    </svg>
  )
}
