// The result panes, laid out in the order the exchange happens: request, response, token, audit.
import type { ReactNode } from 'react'
import type { RunState } from './hooks/use-run.ts'
import { Pane } from './components/Pane.tsx'
import { AuditPane } from './panes/AuditPane.tsx'
import { ChecksPane } from './panes/ChecksPane.tsx'
import { ClaimsPane } from './panes/ClaimsPane.tsx'
import { InputTokensPane } from './panes/InputTokensPane.tsx'
import { JwksPane } from './panes/JwksPane.tsx'
import { RequestPane } from './panes/RequestPane.tsx'
import { ResponsePane } from './panes/ResponsePane.tsx'

interface PanesProps {
  state: RunState
  dark: boolean
  onEditRaw: (raw: string | null) => void
  onTamper: (claims: string | null) => void
}

function Layout(
  slots: Record<'request' | 'response' | 'claims' | 'audit' | 'checks' | 'input' | 'jwks', ReactNode>,
) {
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] xl:gap-5">
      {slots.request}
      {slots.response}
      {slots.claims}
      <div className="flex min-w-0 flex-col gap-4 xl:gap-5">
        {slots.audit}
        {slots.jwks}
      </div>
      <div className="xl:col-span-2">{slots.checks}</div>
      <div className="xl:col-span-2">{slots.input}</div>
    </div>
  )
}

export function Panes({ state, dark, onEditRaw, onTamper }: PanesProps) {
  const { run, lastIssued, pending } = state
  if (!run) return <PanesLoading />
  return (
    <Layout
      request={<RequestPane run={run} busy={pending} dark={dark} onEditRaw={onEditRaw} />}
      response={<ResponsePane run={run} busy={pending} />}
      claims={<ClaimsPane run={run} lastIssued={lastIssued} busy={pending} dark={dark} onTamper={onTamper} />}
      audit={<AuditPane run={run} busy={pending} />}
      checks={<ChecksPane run={run} busy={pending} />}
      input={<InputTokensPane run={run} busy={pending} />}
      jwks={<JwksPane run={run} busy={pending} />}
    />
  )
}

/** Before the first run: the same regions at similar heights, so nothing jumps when results arrive. */
function PanesLoading() {
  const wait = (id: string, title: string, height: string) => (
    <Pane id={id} title={title} busy>
      <div className={`${height} animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800/60`} />
    </Pane>
  )
  return (
    <Layout
      request={wait('request', 'RFC 8693 request', 'h-80')}
      response={wait('response', 'Token response', 'h-80')}
      claims={wait('claims', 'Delegated token claims', 'h-[40rem]')}
      audit={wait('audit', 'Audit log', 'h-48')}
      checks={wait('checks', 'Checks', 'h-96')}
      input={wait('input-tokens', 'Input tokens', 'h-96')}
      jwks={wait('jwks', 'IdP JWKS', 'h-64')}
    />
  )
}
