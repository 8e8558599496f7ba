// The audit event of a cross-app token endpoint (the IdP's ID-JAG exchange, the resource AS's grant).
import type { AuditEvent } from '../audit/audit-event.ts'
import { claimedByExchange } from '../audit/claimed-identity.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import type { XaaError } from './xaa-error.ts'

/** What a cross-app token endpoint issued, from the values it decided, never by decoding its own token. */
export interface XaaIssued {
  /** The user the grant or token speaks for. */
  sub: string
  /** The agent's SPIFFE ID: the authenticated client. */
  actingAs: string
  aud: string[]
  scope: string[]
  ttl: number
  /** The `jti` of the grant issued (IdP) or redeemed (resource AS), to follow one ID-JAG across both logs. */
  jti: string | null
}

const text = (params: BodyParams | null, name: string): string | null =>
  typeof params?.[name] === 'string' ? (params[name] as string) : null

/**
 * One decision as the delegation IdP logs it: an issue names the user as principal and the agent as
 * the acting client; a refusal names the error, and who the request claimed to be (the user token's
 * `sub` and the JWT-SVID's `sub`, unverified, written as `claimed_*`).
 * @see RFC 8693 §4.1, draft-ietf-oauth-identity-assertion-authz-grant §4.3, §4.4
 */
export function xaaAuditEvent(input: {
  time: number
  issued: XaaIssued | null
  error: XaaError | null
  params: BodyParams | null
  /** The form field carrying the user's token: `subject_token` at the IdP, `assertion` at the resource AS. */
  userToken: 'subject_token' | 'assertion'
}): AuditEvent {
  const { issued, error } = input
  return {
    time: input.time,
    decision: error ? 'deny' : 'allow',
    principal: issued?.sub ?? null,
    actingAs: issued?.actingAs ?? null,
    via: [],
    attestation: null,
    aud: issued
      ? issued.aud
      : [text(input.params, 'audience') ?? text(input.params, 'resource') ?? []].flat(),
    scope: issued ? issued.scope.join(' ') : text(input.params, 'scope'),
    ttl: issued?.ttl ?? null,
    jti: issued?.jti ?? null,
    denial: error ? { error: error.code, reason: error.description } : null,
    ...(error
      ? {
          claimed: claimedByExchange(
            text(input.params, input.userToken),
            text(input.params, 'client_assertion'),
          ),
        }
      : {}),
  }
}
