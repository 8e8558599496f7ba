// Where the result panes sit, and the skeleton shown in their places until the first Run and their code arrive.
import type { ReactNode } from 'react'
import { Pane } from './components/Pane.tsx'

export type PaneSlot = 'request' | 'response' | 'claims' | 'audit' | 'checks' | 'input' | 'jwks'

/** The panes in the order the exchange happens: request, response, token, audit. */
export function PanesLayout(slots: Record<PaneSlot, ReactNode>) {
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

/** A pane's region, title and a placeholder of about its height, until its contents can render. */
export function PaneSkeleton({ id, title, height }: { id: string; title: string; height: string }) {
  return (
    <Pane id={id} title={title} busy>
      <div className={`${height} animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800/60`} />
    </Pane>
  )
}

/** Before the first run: the same regions at similar heights, so nothing jumps when results arrive. */
export function PanesLoading() {
  return (
    <PanesLayout
      request={<PaneSkeleton id="request" title="RFC 8693 request" height="h-80" />}
      response={<PaneSkeleton id="response" title="Token response" height="h-80" />}
      claims={<PaneSkeleton id="claims" title="Delegated token claims" height="h-[40rem]" />}
      audit={<PaneSkeleton id="audit" title="Audit log" height="h-48" />}
      checks={<PaneSkeleton id="checks" title="Checks" height="h-96" />}
      input={<PaneSkeleton id="input-tokens" title="Input tokens" height="h-96" />}
      jwks={<PaneSkeleton id="jwks" title="IdP JWKS" height="h-64" />}
    />
  )
}
