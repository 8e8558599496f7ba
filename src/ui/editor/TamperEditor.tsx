// "Tamper with token": edit the delegated token's claims; the core re-encodes them under the old signature.
import { useState } from 'react'
import { BUTTON } from '../components/buttons.ts'
import { EditorFrame } from './EditorFrame.tsx'
import { LazyCodeEditor } from './load-code-editor.ts'
import { EDIT_PASTE_LIMIT, JSON_PASTE_MAX_DEPTH } from './paste-limits.ts'

interface TamperEditorProps {
  id: string
  /** The claims as the IdP issued them (shown while nothing is typed here). */
  issuedClaims: Record<string, unknown> | null
  tamperedClaims: string | null
  onEdit: (claims: string | null) => void
  dark: boolean
}

export function TamperEditor({ id, issuedClaims, tamperedClaims, onEdit, dark }: TamperEditorProps) {
  const issued = issuedClaims ? JSON.stringify(issuedClaims, null, 2) : ''
  const [document, setDocument] = useState(tamperedClaims ?? issued)
  if (tamperedClaims === null && issuedClaims && document !== issued) setDocument(issued)
  return (
    <div id={id} className="mb-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {tamperedClaims === null
            ? 'Change a claim (try "scope" or "aud"): the signature stays the old one.'
            : 'Tampered: the agent presents these claims under the original signature.'}
        </p>
        <button
          type="button"
          className={BUTTON}
          disabled={tamperedClaims === null}
          onClick={() => onEdit(null)}
        >
          Reset token
        </button>
      </div>
      <EditorFrame height={300} pasteLimit={EDIT_PASTE_LIMIT} pasteMaxDepth={JSON_PASTE_MAX_DEPTH}>
        <LazyCodeEditor
          document={document}
          language="json"
          ariaLabel="Delegated token claims JSON"
          dark={dark}
          height={300}
          onChange={(text) => onEdit(text)}
        />
      </EditorFrame>
    </div>
  )
}
