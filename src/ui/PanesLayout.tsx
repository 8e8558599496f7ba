// Where the result panes sit, and the skeleton shown in their places until the first Run and their code arrive.
import type { ReactNode } from 'react'
import { Pane } from './components/Pane.tsx'

export type PaneSlot =
  | 'sequence'
  | 'look'
  | 'request'
  | 'resource'
  | 'response'
  | 'narrowing'
  | 'claims'
  | 'audit'
  | 'checks'
  | 'input'
  | 'jwks'

/**
 * The result first: the sequence, what to look at and the audit line; then the two requests side by
 * side, the token response beside the narrowing ledger, the token, and the details.
 */
export function PanesLayout(slots: Record<PaneSlot, ReactNode>) {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] xl:gap-5">
      {slots.sequence}
      <div className="flex min-w-0 flex-col gap-4 xl:gap-5">
        {slots.look}
        {slots.audit}
      </div>
      {slots.request}
      {slots.resource}
      {slots.response}
      {slots.narrowing}
      {slots.claims}
      {slots.jwks}
      <div className="lg:col-span-2">{slots.checks}</div>
      <div className="lg:col-span-2">{slots.input}</div>
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
      sequence={<PaneSkeleton id="sequence" title="Sequence" height="h-64" />}
      look={<PaneSkeleton id="what-to-look-at" title="What to look at" height="h-24" />}
      request={<PaneSkeleton id="request" title="RFC 8693 request" height="h-80" />}
      resource={<PaneSkeleton id="resource-request" title="Resource request" height="h-80" />}
      narrowing={<PaneSkeleton id="narrowing" title="Narrowing" height="h-48" />}
      response={<PaneSkeleton id="response" title="Token response" height="h-80" />}
      claims={<PaneSkeleton id="claims" title="Delegated token claims" height="h-[40rem]" />}
      audit={<PaneSkeleton id="audit" title="Audit log" height="h-48" />}
      checks={<PaneSkeleton id="checks" title="Checks" height="h-96" />}
      input={<PaneSkeleton id="input-tokens" title="Input tokens" height="h-96" />}
      jwks={<PaneSkeleton id="jwks" title="IdP JWKS" height="h-64" />}
    />
  )
}
