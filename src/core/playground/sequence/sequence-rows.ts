// The Run as rows of a sequence diagram: who sent what to whom, what came back, and where it stopped.
import { refusalName } from '../../protocol/errors/refusal.ts'
import { formatSpecRef } from '../../protocol/errors/spec-ref.ts'
import type { Party, Run, Step } from '../run.ts'

/** Which result pane shows a step best; the UI maps each to a region. */
export type StepPane = 'token-request' | 'token-response' | 'resource-request' | 'input-tokens'

export type RowState = 'accepted' | 'refused' | 'vulnerable' | 'not-reached'

export interface SequenceRow {
  /** Stable across edits that change only values, so the diagram does not re-lay out. */
  key: string
  /** The step's index in `Run.steps`; null for a step that was never reached. */
  step: number | null
  from: Party
  to: Party
  state: RowState
  /** What travelled out: "POST /token · subject_token + actor_token + DPoP". */
  sent: string
  /** What came back: "200 · DPoP-bound token", "400 · invalid_target"; null for local steps. */
  answer: string | null
  /** One line for the list: "agent → IdP: POST /token → 200". */
  summary: string
  /** The refusal that stopped the run at this step, spelled out. */
  /** The refusal at this step: the wire error, its reason id, the rule's section, and the defence in plain words. */
  refusal: { code: string; reason: string; description: string; spec: string; defence: string } | null
  /** What the step carried across, when its flow says (a `sub` that changed form, an `act` kept). */
  note?: string
  /** The audit lines the step wrote, with who wrote them. */
  audited: boolean
  pane: StepPane
}

/** Parties that only start or record things: never a server a refused run failed to reach. */
const NOT_SERVERS = new Set<Party['kind']>(['user', 'agent', 'attacker', 'audit-log', 'workload-issuer'])

/** Receivers that issue tokens: their requests are shown in the token request pane. */
const ISSUERS = new Set<Party['kind']>(['idp', 'authorization-server', 'transaction-token-service'])

const header = (headers: [string, string][], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null

/** The form parameters that carry tokens or proofs, then the proof header: what an exchange sends. */
function carried(step: Step & { kind: 'http' }): string[] {
  const { request } = step.http
  const items: string[] = []
  const type = header(request.headers, 'content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(request.body)
    for (const name of ['subject_token', 'actor_token', 'assertion']) if (form.has(name)) items.push(name)
  }
  const authorization = header(request.headers, 'authorization')
  if (authorization) items.push(`${authorization.split(' ')[0] ?? ''} token`.trim())
  if (header(request.headers, 'dpop') !== null) items.push('DPoP')
  return items
}

/** "200 · DPoP-bound token" for a token response, "400 · invalid_target" for an error, else the status. */
function answerOf(step: Step & { kind: 'http' }): string {
  const { response } = step.http
  if (!step.decision.accepted) return `${response.status} · ${refusalName(step.decision.error)}`
  try {
    const body = JSON.parse(response.body) as { token_type?: unknown; access_token?: unknown }
    if (typeof body.access_token === 'string')
      return `${response.status} · ${body.token_type === 'DPoP' ? 'DPoP-bound' : 'bearer'} token`
  } catch {
    // Not JSON: the status alone says what came back.
  }
  return String(response.status)
}

function paneOf(step: Step, to: Party): StepPane {
  if (step.kind === 'local') return 'input-tokens'
  if (ISSUERS.has(to.kind)) return step.decision.accepted ? 'token-request' : 'token-response'
  return 'resource-request'
}

function rowOf(step: Step, party: (id: string) => Party): SequenceRow {
  const from = party(step.from)
  const to = party(step.to)
  const error = step.decision.accepted ? null : step.decision.error
  const state: RowState = error ? 'refused' : step.vulnerable ? 'vulnerable' : 'accepted'
  let sent = step.label
  let answer: string | null = null
  let summary = `${from.label} → ${to.label}: ${step.label}`
  if (step.kind === 'http') {
    const path = new URL(step.http.request.url).pathname
    const items = carried(step)
    sent = `${step.http.request.method} ${path}${items.length ? ` · ${items.join(' + ')}` : ''}`
    answer = answerOf(step)
    summary = `${from.label} → ${to.label}: ${step.http.request.method} ${path} → ${error ? `${step.http.response.status} ${refusalName(error)}` : step.http.response.status}`
  } else if (error) summary += ` → ${refusalName(error)}`
  return {
    key: `step-${step.index}`,
    step: step.index,
    from,
    to,
    state,
    sent,
    answer,
    summary,
    refusal: error
      ? {
          code: refusalName(error),
          reason: error.reason,
          description: error.description,
          spec: formatSpecRef(error.spec),
          defence: error.explanation,
        }
      : null,
    ...(step.note ? { note: step.note } : {}),
    audited: step.audit.length > 0,
    pane: paneOf(step, to),
  }
}

/**
 * One row per step, in order. After a refusal, each server no step reached gets a "not reached" row
 * from the party whose request was refused, so the diagram shows what the run never got to.
 */
export function sequenceRows(run: Run): SequenceRow[] {
  const byId = new Map(run.parties.map((party) => [party.id, party]))
  const party = (id: string): Party => byId.get(id) ?? { id, kind: 'service', label: id }
  const rows = run.steps.map((step) => rowOf(step, party))
  const { outcome } = run
  const stop = outcome.kind === 'refused' ? run.steps[outcome.step] : undefined
  const reached = new Set(run.steps.map((step) => step.to))
  const sender =
    stop?.from ?? run.parties.find((candidate) => candidate.kind === 'agent')?.id ?? run.parties[0]?.id
  if (outcome.kind === 'accepted' || !sender) return rows
  for (const target of run.parties) {
    if (NOT_SERVERS.has(target.kind) || reached.has(target.id)) continue
    const from = party(sender)
    rows.push({
      key: `not-reached-${target.id}`,
      step: null,
      from,
      to: target,
      state: 'not-reached',
      sent: 'not reached',
      answer: null,
      summary: `${from.label} → ${target.label}: not reached`,
      refusal: null,
      audited: false,
      pane: ISSUERS.has(target.kind) ? 'token-request' : 'resource-request',
    })
  }
  return rows
}
