// The IdP's audit event for an exchange: who asked, for whom, where, and what was decided.
import type { JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { actorChain } from '../audit/actor-chain.ts'
import { claimedByExchange } from '../audit/claimed-identity.ts'
import { wireErrorCode, type Refusal } from '../errors/refusal.ts'
import type { TokenExchangeRequest } from './parse-token-request.ts'

export interface ExchangeOutcome {
  time: number
  request: TokenExchangeRequest | null
  /** Only tokens that verified: an unverified claim never reaches the audit log. */
  seen: { subject: JWTPayload | null; actor: JWTPayload | null }
  /** The claims of the token the IdP minted, as the minter returned them. */
  issued: JWTPayload | null
  error: Refusal | null
}

/**
 * Describes an exchange decision. An issued token is described from its own claims; a refusal
 * from the verified inputs and the request, so the log says who was refused what.
 */
export function exchangeAuditEvent(outcome: ExchangeOutcome): AuditEvent {
  const claims = outcome.issued
  const actor = outcome.seen.actor
  const chain = claims
    ? actorChain(claims)
    : actor
      ? [String(actor.sub), ...actorChain(outcome.seen.subject ?? {})]
      : actorChain(outcome.seen.subject ?? {})
  const requested = outcome.request
  return {
    time: outcome.time,
    decision: outcome.error ? 'deny' : 'allow',
    principal: typeof outcome.seen.subject?.sub === 'string' ? outcome.seen.subject.sub : null,
    actingAs: chain[0] ?? null,
    via: chain.slice(1),
    attestation: claims
      ? attestationOf(claims.act)
      : typeof actor?.attestation === 'string'
        ? actor.attestation
        : null,
    aud: claims ? [claims.aud ?? []].flat() : (requested?.audiences ?? []).concat(requested?.resources ?? []),
    scope: claims ? String(claims.scope) : (requested?.scope?.join(' ') ?? null),
    ttl: claims && claims.exp !== undefined && claims.iat !== undefined ? claims.exp - claims.iat : null,
    jti: claims?.jti ?? null,
    denial: outcome.error ? { error: wireErrorCode(outcome.error), reason: outcome.error.description } : null,
    ...(outcome.error && requested
      ? { claimed: claimedByExchange(requested.subjectToken, requested.actorToken) }
      : {}),
  }
}

function attestationOf(act: unknown): string | null {
  const value =
    typeof act === 'object' && act !== null ? (act as Record<string, unknown>).attestation : undefined
  return typeof value === 'string' ? value : null
}
