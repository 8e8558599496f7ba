// The RFC 8693 request exactly as the IdP received it, with any earlier attempt (a DPoP nonce retry).
import { httpStepsTo, notSentError, refusalBy, type Run } from '../../core/playground/index.ts'
import { formatRawRequest, refusalName } from '../../core/protocol/index.ts'
import { useState } from 'react'
import { CopyButton } from '../components/CopyButton.tsx'
import { HttpRequestView, HttpResponseView } from '../components/HttpMessageView.tsx'
import { Code, Pane } from '../components/Pane.tsx'
import { OpenEditorButton } from '../editor/EditorFrame.tsx'
import { RequestEditor } from '../editor/RequestEditor.tsx'
import { curlCommand } from '../format/http-text.ts'
import { Notice } from '../components/Notice.tsx'

interface RequestPaneProps {
  run: Run
  dark: boolean
  onEditRaw: (raw: string | null) => void
}

export function RequestPane({ run, dark, onEditRaw }: RequestPaneProps) {
  const [editing, setEditing] = useState(false)
  const exchange = httpStepsTo(run, 'idp').map((step) => step.http)
  const last = exchange.at(-1) ?? null
  const earlier = exchange.slice(0, -1)
  const exchangeError = refusalBy(run, 'idp') ?? notSentError(run)
  const raw = run.scenario.edits.rawTokenRequest
  return (
    <Pane
      id="request"
      title="RFC 8693 request"
      note={
        <>
          What the agent sent the IdP: its user’s token as <Code>subject_token</Code>, its own as{' '}
          <Code>actor_token</Code>, and the <Code>DPoP</Code> proof of its key.
        </>
      }
      actions={
        <>
          <OpenEditorButton
            label="Edit request"
            open={editing}
            controls="request-editor"
            onToggle={() => setEditing(!editing)}
          />
          {last && (
            <>
              <CopyButton
                what="request as curl"
                label="Copy as curl"
                text={() => curlCommand(last.request)}
              />
              <CopyButton what="request" text={() => formatRawRequest(last.request)} />
            </>
          )}
        </>
      }
    >
      {editing && (
        <RequestEditor
          id="request-editor"
          lastRequest={last?.request ?? null}
          rawTokenRequest={raw}
          error={raw !== null ? exchangeError : null}
          onEdit={onEditRaw}
          dark={dark}
        />
      )}
      {raw !== null && !editing && (
        <Notice tone="info" className="mb-3">
          This request was edited by hand, so the request controls are paused
          {exchangeError ? (
            <>
              {' '}
              and its refusal (<code className="font-mono">{refusalName(exchangeError)}</code>) is about this
              text
            </>
          ) : null}
          .{' '}
          <button type="button" className="font-medium underline" onClick={() => setEditing(true)}>
            Open the raw request
          </button>{' '}
          <button type="button" className="font-medium underline" onClick={() => onEditRaw(null)}>
            Reset request
          </button>
        </Notice>
      )}
      {earlier.map((attempt, i) => (
        <details key={i} className="group mb-3 rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer px-3 py-2 text-xs font-medium text-slate-700 dark:text-slate-300">
            Attempt {i + 1} of {exchange.length}: answered {attempt.response.status}{' '}
            {errorCode(attempt.response.body)}
          </summary>
          <div className="space-y-2 px-3 pb-3">
            <HttpRequestView request={attempt.request} label={`Token request, attempt ${i + 1}`} />
            <HttpResponseView response={attempt.response} label={`Token response, attempt ${i + 1}`} />
          </div>
        </details>
      ))}
      {last ? (
        <HttpRequestView request={last.request} label="Token request" />
      ) : (
        <Notice tone="error">
          No request reached the IdP: {notSentError(run)?.description ?? 'the edited text could not be sent'}.
        </Notice>
      )}
    </Pane>
  )
}

function errorCode(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown }
    return typeof parsed.error === 'string' ? parsed.error : ''
  } catch {
    return ''
  }
}
