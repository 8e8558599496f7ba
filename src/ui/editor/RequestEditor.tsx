// "Edit request": the token request as raw HTTP text. What is typed is what the IdP processes.
import { useState } from 'react'
import {
  formatRawRequest,
  type HttpRequestSnapshot,
  type Refusal,
  refusalName,
} from '../../core/protocol/index.ts'
import { BUTTON } from '../components/buttons.ts'
import { EditorFrame } from './EditorFrame.tsx'
import { LazyCodeEditor } from './load-code-editor.ts'
import { EDIT_PASTE_LIMIT } from './paste-limits.ts'

interface RequestEditorProps {
  id: string
  /** The request the IdP last received (built from the controls while nothing is typed here). */
  lastRequest: HttpRequestSnapshot | null
  rawTokenRequest: string | null
  /** The refusal of the hand-edited text, shown here: no control set what was sent. */
  error?: Refusal | null
  onEdit: (raw: string | null) => void
  dark: boolean
}

export function RequestEditor({
  id,
  lastRequest,
  rawTokenRequest,
  error = null,
  onEdit,
  dark,
}: RequestEditorProps) {
  const generated = lastRequest ? formatRawRequest(lastRequest) : ''
  const [document, setDocument] = useState(rawTokenRequest ?? generated)
  // Until the person types, the text follows the controls; after, it stays as typed.
  if (rawTokenRequest === null && lastRequest && document !== generated) setDocument(generated)
  return (
    <div id={id} className="mb-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {rawTokenRequest === null
            ? 'Type to take over: the IdP will receive exactly this text.'
            : 'Hand-edited: the IdP receives exactly this text, and the request controls are paused.'}
        </p>
        <button
          type="button"
          className={BUTTON}
          disabled={rawTokenRequest === null}
          onClick={() => onEdit(null)}
        >
          Reset request
        </button>
      </div>
      {error && (
        <p
          role="group"
          aria-label="Raw request error"
          className="mb-2 text-[0.72rem]/4 text-red-700 dark:text-red-300"
        >
          <code className="font-mono font-semibold">{refusalName(error)}</code>: {error.description}
          {error.param ? (
            <>
              {' '}
              (in <code className="font-mono">{error.param}</code> of the text below)
            </>
          ) : null}
        </p>
      )}
      <EditorFrame height={300} pasteLimit={EDIT_PASTE_LIMIT}>
        <LazyCodeEditor
          document={document}
          language="plaintext"
          ariaLabel="Raw token request"
          dark={dark}
          height={300}
          onChange={(text) => onEdit(text)}
        />
      </EditorFrame>
    </div>
  )
}
