// The Run: everything one Scenario produced. The UI renders only this.
import type { AuditEvent } from '../protocol/audit/audit-event.ts'
import type { OAuthError } from '../protocol/errors/oauth-error.ts'
import type { HttpRequestSnapshot, HttpResponseSnapshot } from '../protocol/http/http-snapshot.ts'
import type { JWK } from 'jose'
import type { Scenario } from './scenario/scenario.ts'
import type { TokenView } from '../protocol/tokens/token-view.ts'
import type { Check } from '../protocol/trace/check-log.ts'

export interface HttpExchange {
  request: HttpRequestSnapshot
  response: HttpResponseSnapshot
}

/** Where a claim of the delegated token came from, for the claims pane. */
export type ClaimSource = 'subject-token' | 'actor-token' | 'policy' | 'idp' | 'dpop-key' | 'request'

export interface Run {
  scenario: Scenario
  /** When the run happened, in ms since the epoch, clock offset included. */
  at: number
  tokens: {
    subject: TokenView
    actor: TokenView | null
    /** The DPoP proof sent to the token endpoint. */
    tokenRequestProof: TokenView | null
    /** The token the IdP minted, as the agent presented it (tampered, if the scenario says so). */
    delegated: TokenView | null
    /** The DPoP proof sent to the resource server (with `ath`). */
    resourceRequestProof: TokenView | null
  }
  /** Provenance of each top-level claim of the delegated token. */
  claimSources: Record<string, ClaimSource>
  /** The token request(s) as the IdP received them, in order (a `use_dpop_nonce` answer causes a retry). */
  exchange: HttpExchange[]
  exchangeError: OAuthError | null
  resource: HttpExchange | null
  resourceError: OAuthError | null
  /**
   * The decisive audit entry: the resource server's when the call reached it, else the IdP's refusal.
   * `lineWithoutAct` is the same entry as a log without `act` would have written it.
   */
  audit: { by: 'idp' | 'resource-server'; event: AuditEvent; line: string; lineWithoutAct: string } | null
  /** Every audit line this run wrote, IdP and resource server, in order. */
  auditTrail: { by: 'idp' | 'resource-server'; line: string }[]
  checks: Check[]
  jwks: { idp: { keys: JWK[] }; workload: { keys: JWK[] } }
}
