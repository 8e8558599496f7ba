// Verifies a JWT authorization grant at the authorization server it was made for (RFC 7523 §3).
import type { JWK, JWTPayload } from 'jose'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { refusal, type SpecRef } from '../errors/reasoned-error.ts'
import type { JwtRule } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import type { Reason } from '../errors/reasons.ts'
import { JWT_LEEWAY_SECONDS, verifyJwt } from '../tokens/verify-jwt.ts'

/**
 * The JOSE `typ` a JWT authorization grant carries here. RFC 7523 names none, so this is the plain
 * `JWT` of RFC 7519 §5.1; what matters is that it is not `at+jwt`, so an access token can never pass
 * for a grant (RFC 8725 §3.11).
 */
export const JWT_GRANT_TYP = 'JWT'

export interface JwtGrantRules {
  /** This authorization server's issuer identifier: `aud` must name it (RFC 7523 §3 (3), RFC 8414 §2). */
  audience: string
  /** Issuers whose grants this server accepts, with their public keys. */
  trustedIssuers: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
  /** Remembers `iss` + `jti` so a grant is used once (RFC 7523 §3 (7)), until it expires. */
  replay: ReplayCache
}

// Each way the shared verifier can refuse, as the reason a grant was refused.
const REASON_BY_RULE: Partial<Record<JwtRule, { reason: Reason; spec: SpecRef }>> = {
  typ: { reason: 'chain.foreign_token', spec: { doc: 'RFC 8725', section: '3.11' } },
  aud: { reason: 'chain.grant_audience_mismatch', spec: { doc: 'RFC 7523', section: '3', item: 3 } },
  exp: { reason: 'chain.grant_expired', spec: { doc: 'RFC 7523', section: '3', item: 4 } },
  nbf: { reason: 'chain.grant_not_yet_valid', spec: { doc: 'RFC 7523', section: '3', item: 5 } },
}

const invalidGrant = (reason: Reason, spec: SpecRef, description: string) =>
  fail<never>(refusal({ code: 'invalid_grant', status: 400, reason, spec, description, param: 'assertion' }))

/**
 * Checks a grant as RFC 7523 §3 lists: from a trusted issuer, signed with that issuer's key, typed as a
 * grant, `aud` naming this server, `sub`, `exp`, `iat` and `jti` present, unexpired, and never seen before.
 * Every refusal is `invalid_grant` (RFC 7523 §3.1) with a stable reason.
 * @see RFC 7523 §3, §3.1
 * @see draft-ietf-oauth-identity-chaining §2.4.2
 */
export async function verifyJwtGrant(assertion: string, rules: JwtGrantRules): Promise<Result<JWTPayload>> {
  const read = readCompactJws(assertion, 'assertion')
  if (!read.ok)
    return invalidGrant('chain.grant_malformed', { doc: 'RFC 7523', section: '3' }, read.failure.description)
  const issuer = read.value.payload.iss
  const jwks = typeof issuer === 'string' ? rules.trustedIssuers[issuer] : undefined
  if (typeof issuer !== 'string' || jwks === undefined)
    return invalidGrant(
      'chain.grant_untrusted_issuer',
      { doc: 'RFC 7523', section: '3', item: 1 },
      `assertion "iss" ${JSON.stringify(issuer)} is not a trusted issuer`,
    )

  const verified = await verifyJwt(assertion, {
    name: 'assertion',
    typ: JWT_GRANT_TYP,
    issuer,
    audience: rules.audience,
    jwks,
    nowSeconds: rules.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat', 'jti'],
  })
  if (!verified.ok) {
    const mapped = REASON_BY_RULE[verified.failure.rule]
    return invalidGrant(
      mapped?.reason ?? 'chain.grant_invalid',
      mapped?.spec ?? { doc: 'RFC 7523', section: '3', item: 9 },
      verified.failure.description,
    )
  }
  const { payload } = verified
  // Remembered for as long as the grant could still pass the `exp` check (leeway included), never less.
  const expiresAt = Number(payload.exp) + JWT_LEEWAY_SECONDS
  const verdict = await rules.replay.checkAndRemember(
    `${issuer}#${String(payload.jti)}`,
    expiresAt,
    rules.nowSeconds,
  )
  if (verdict === 'full')
    return fail(
      refusal({
        code: 'temporarily_unavailable',
        status: 503,
        reason: 'chain.grant_replay_cache_full',
        spec: { doc: 'RFC 7523', section: '3', item: 7 },
        description: 'The replay cache is full; retry later',
        param: 'assertion',
      }),
    )
  if (verdict === 'replayed')
    return invalidGrant(
      'chain.grant_replayed',
      { doc: 'RFC 7523', section: '3', item: 7 },
      `assertion "jti" ${String(payload.jti)} was already used`,
    )
  return ok(payload)
}
