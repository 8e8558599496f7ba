// The delegated token: its claims with provenance and meaning, its header, and the encoded token.
import { editedClaims, notSentError, refusalBy, type Run } from '../../core/playground/index.ts'
import { refusalName } from '../../core/protocol/index.ts'
import { useState } from 'react'
import { CopyButton } from '../components/CopyButton.tsx'
import { EncodedToken } from '../components/EncodedToken.tsx'
import { Notice } from '../components/Notice.tsx'
import { Code, Pane } from '../components/Pane.tsx'
import { OpenEditorButton } from '../editor/EditorFrame.tsx'
import { TamperEditor } from '../editor/TamperEditor.tsx'
import { ClaimList } from './ClaimList.tsx'

interface ClaimsPaneProps {
  run: Run
  /** The last run in which a token was issued, shown (dimmed) while the IdP refuses. */
  lastIssued: Run | null
  dark: boolean
  onTamper: (claims: string | null) => void
}

export function ClaimsPane({ run, lastIssued, dark, onTamper }: ClaimsPaneProps) {
  const [tampering, setTampering] = useState(false)
  const shownRun = run.tokens.delegated ? run : lastIssued
  const token = shownRun?.tokens.delegated ?? null
  const stale = shownRun !== run
  const tampered = run.scenario.edits.tamperedClaims !== null
  const exchangeError = refusalBy(run, 'idp') ?? notSentError(run)
  return (
    <Pane
      id="claims"
      title="Delegated token claims"
      note={
        token?.payload && token.payload.act === undefined ? (
          <>
            <Code>sub</Code> is the user, and there is no <Code>act</Code>: the token names no agent, so
            whoever holds it looks like the user (impersonation). <Code>aud</Code> and <Code>scope</Code>{' '}
            bound where and how it is used.
          </>
        ) : (
          <>
            <Code>sub</Code> is the user, <Code>act.sub</Code> is the agent. <Code>aud</Code> and{' '}
            <Code>scope</Code> bound where and how it is used; <Code>cnf.jkt</Code> binds it to the agent’s
            key.
          </>
        )
      }
      actions={
        <>
          <OpenEditorButton
            label="Tamper with token"
            open={tampering}
            controls="tamper-editor"
            onToggle={() => setTampering(!tampering)}
          />
          {token?.payload && <CopyButton what="claims" text={() => JSON.stringify(token.payload, null, 2)} />}
        </>
      }
    >
      {tampering && (
        <TamperEditor
          id="tamper-editor"
          issuedClaims={run.tokens.delegated?.payload ?? null}
          tamperedClaims={run.scenario.edits.tamperedClaims}
          onEdit={onTamper}
          dark={dark}
        />
      )}
      {tampered && (
        <Notice tone="warn" className="mb-3">
          Tampered: these claims were re-encoded under the IdP’s original signature, which no longer matches.{' '}
          <button type="button" className="font-medium underline" onClick={() => onTamper(null)}>
            Reset token
          </button>
        </Notice>
      )}
      {stale && (
        <Notice tone="info" className="mb-3">
          No token was issued for this request
          {exchangeError ? (
            <>
              {' '}
              (<code className="font-mono">{refusalName(exchangeError)}</code>)
            </>
          ) : null}
          {token ? '. Below, dimmed, is the last token the IdP issued.' : '.'}
        </Notice>
      )}
      {token && (
        <div className={stale ? 'opacity-55' : ''}>
          {token.payload ? (
            <ClaimList
              claims={token.payload}
              sources={shownRun?.provenance ?? {}}
              edited={shownRun ? editedClaims(shownRun) : undefined}
              nowSeconds={Math.floor((shownRun?.at ?? run.at) / 1000)}
            />
          ) : (
            <Notice tone="error">The payload is not a readable JSON object.</Notice>
          )}
          <div className="mt-4 space-y-3 border-t border-slate-100 pt-3 dark:border-slate-800">
            <TokenHeader header={token.header} />
            <EncodedToken label="Encoded delegated token" what="delegated token" encoded={token.encoded} />
          </div>
        </div>
      )}
    </Pane>
  )
}

function TokenHeader({ header }: { header: Record<string, unknown> | null }) {
  if (!header)
    return <p className="text-xs text-red-700 dark:text-red-300">The header is not readable JSON.</p>
  return (
    <div
      role="group"
      aria-label="Delegated token header"
      className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400"
    >
      <span className="mr-1 font-medium text-slate-700 dark:text-slate-300">Header</span>
      {Object.entries(header).map(([name, value]) => (
        <span
          key={name}
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.7rem] dark:bg-slate-800"
        >
          <span className="text-rose-700 dark:text-rose-300">{name}</span>{' '}
          {typeof value === 'string' ? value : JSON.stringify(value)}
        </span>
      ))}
    </div>
  )
}
