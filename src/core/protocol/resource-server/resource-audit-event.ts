// The resource server's audit event for one decision: who, acting as whom, through which chain, and why not.
import type { JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { actorChain } from '../audit/actor-chain.ts'
import { claimedByAccessToken } from '../audit/claimed-identity.ts'
import { wireErrorCode, type Refusal } from '../errors/refusal.ts'

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Describes a decision. `claims` must come from a token that verified: a token refused for its
 * signature, type, issuer or audience contributes nothing, so no forged claim reaches the log as
 * `principal` or `acting_as`. A denial records what the `presented` token claimed, marked as claimed.
 * @see RFC 8693 §4.1 (`act`, nested for earlier actors)
 */
export function resourceAuditEvent(
  time: number,
  claims: JWTPayload | null,
  error: Refusal | null,
  presented: string | null = null,
): AuditEvent {
  const chain = claims ? actorChain(claims) : []
  const act = claims?.act
  const attestation =
    typeof act === 'object' && act !== null
      ? stringOrNull((act as Record<string, unknown>).attestation)
      : null
  return {
    time,
    decision: error ? 'deny' : 'allow',
    principal: stringOrNull(claims?.sub),
    actingAs: chain[0] ?? null,
    via: chain.slice(1),
    attestation,
    aud: claims?.aud === undefined ? [] : [claims.aud].flat(),
    scope: stringOrNull(claims?.scope),
    ttl: typeof claims?.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : null,
    jti: stringOrNull(claims?.jti),
    // The short wire description reads best in a one-line log; the IdP's audit does the same.
    denial: error ? { error: wireErrorCode(error), reason: error.description } : null,
    ...(error && presented !== null ? { claimed: claimedByAccessToken(presented) } : {}),
  }
}
