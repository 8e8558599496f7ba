// What the resource server records about every decision: who, acting as whom, where, with what.

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
}

/** The same event as an audit log without `act` would have recorded it: the agent disappears. */
export function withoutActor(event: AuditEvent): AuditEvent {
  return { ...event, actingAs: null, via: [], attestation: null }
}
