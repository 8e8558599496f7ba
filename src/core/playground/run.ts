// The Run: everything one Scenario produced, as parties and the steps between them. The UI renders only this.
import type { AuditEvent } from '../protocol/audit/audit-event.ts'
import type { Refusal } from '../protocol/errors/refusal.ts'
import type { HttpExchangeSnapshot } from '../protocol/http/http-snapshot.ts'
import type { JWK } from 'jose'
import type { FlowId, Scenario } from './scenario/scenario.ts'
import type { TokenView } from '../protocol/tokens/token-view.ts'
import type { Check } from '../protocol/trace/check-log.ts'
import type { SignInResult } from './passkey/sign-in-result.ts'

/** A request as a server received it and the response it sent back. */
export type HttpExchange = HttpExchangeSnapshot

/**
 * What a party is. Flows add kinds as they need them (a resource authorization server, an MCP server,
 * a transaction-token service, an internal service); the sequence view draws one lifeline per party.
 */
export type PartyKind =
  | 'user'
  | 'agent'
  | 'attacker'
  | 'idp'
  | 'workload-issuer'
  | 'authorization-server'
  | 'resource-server'
  | 'mcp-server'
  | 'transaction-token-service'
  | 'service'
  | 'audit-log'

export interface Party {
  /** Unique within a Run; steps name their parties by it. */
  id: string
  kind: PartyKind
  /** A short name for people: "IdP", "resource server". */
  label: string
  /** What identifies the party on the wire: the user's `sub`, the agent's SPIFFE ID, an issuer, an audience. */
  detail?: string
}

/** What a server decided about one step. A local step that cannot fail is accepted. */
export type Decision = { accepted: true } | { accepted: false; error: Refusal }

/** One line a server wrote to the audit log, with the event it formats. */
export interface AuditEntry {
  /** The party that wrote it. */
  by: string
  event: AuditEvent
  line: string
}

interface StepBase {
  /** Position in `Run.steps`, from 0. */
  index: number
  /** Party ids: who acted, and towards whom. */
  from: string
  to: string
  /** What happened, for people: "POST /token", "Mint subject token". */
  label: string
  /** What this step carried across, for people: a `sub` that changed form, an `act` that survived. */
  note?: string
  decision: Decision
  /** The validations the receiving party made for this step, in order. */
  checks: Check[]
  /** The audit lines this step wrote. */
  audit: AuditEntry[]
  /** Set when the step ran against a server with a defence switched off (issue #12's switches). */
  vulnerable?: boolean
}

/** One real HTTP request from one party to another, and the real response. */
export interface HttpStep extends StepBase {
  kind: 'http'
  http: HttpExchange
}

/** Something a party minted, changed or verified on its own, with no message on the wire. */
export interface LocalStep extends StepBase {
  kind: 'local'
  /** The name (in `Run.tokens`) of the token this step produced, if any. */
  produced?: string
}

export type Step = HttpStep | LocalStep

/**
 * How the run ended. `refused` names the step that stopped it; `not-sent` means nothing reached a
 * server (for example hand-edited request text that is not HTTP).
 */
export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'refused'; step: number; error: Refusal }
  | { kind: 'not-sent'; reason: string; error: Refusal }

/** Where a claim of an issued token came from, for the claims pane. */
export type ClaimSource = 'subject-token' | 'actor-token' | 'policy' | 'idp' | 'dpop-key' | 'request'

export type { FlowId } from './scenario/scenario.ts'

export interface Run {
  scenario: Scenario
  flow: FlowId
  /** When the run happened, in ms since the epoch, clock offset included. */
  at: number
  parties: Party[]
  steps: Step[]
  outcome: Outcome
  /**
   * Every token of the run, by name. The delegation flow names `subject`, `actor`, `tokenRequestProof`
   * (the last DPoP proof sent to the IdP), `delegated` (as the agent presented it: tampered, if the
   * scenario says so) and `resourceRequestProof`.
   */
  tokens: Readonly<Record<string, TokenView>>
  /** For this run's issued token: where each top-level claim came from, derived from the IdP's decision. */
  provenance: Record<string, ClaimSource>
  jwks: { idp: { keys: JWK[] }; workload: { keys: JWK[] } }
  /** The real passkey ceremony the IdP decided on the page; absent, the sign-in is a simulated passkey. */
  signIn?: SignInResult
}
