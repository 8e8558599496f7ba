// What the resource server records about every decision: who, acting as whom, where, with what.
import type { ClaimedIdentity } from './claimed-identity.ts'

export interface AuditEvent {
  /** When the decision was made, in milliseconds since the epoch. */
  time: number
  decision: 'allow' | 'deny'
  /** The user the token speaks for (`sub`), when a token could be read. */
  principal: string | null
  /** The current actor (`act.sub`), null for impersonation or unreadable tokens. */
  actingAs: string | null
  /** Earlier actors in the chain, most recent first (nested `act`, RFC 8693 §4.1). */
  via: string[]
  /** The platform that attested the current actor (`act.attestation`). */
  attestation: string | null
  aud: string[]
  scope: string | null
  /** The token's lifetime as issued, `exp - iat`, in seconds. */
  ttl: number | null
  jti: string | null
  /** For a denial: the error code and why. */
  denial: { error: string; reason: string } | null
  /**
   * For a denial: the user and agent the request's tokens claimed, unverified. Written as
   * `claimed_principal` / `claimed_actor` where they add to the verified `principal` / `acting_as`.
   */
  claimed?: ClaimedIdentity
}

/** The same event as an audit log without `act` would have recorded it: the agent disappears. */
export function withoutActor(event: AuditEvent): AuditEvent {
  const claimed = event.claimed ? { claimed: { ...event.claimed, actor: null } } : {}
  return { ...event, actingAs: null, via: [], attestation: null, ...claimed }
}
