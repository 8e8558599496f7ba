// What differs between the JWT authorization grants one RFC 7523 verifier checks: typ, claims, reasons.
import type { Reason } from '../errors/reasons.ts'
import type { SpecRef } from '../errors/spec-ref.ts'

/**
 * The rules of RFC 7523 §3 the grant verifier applies, in the order it applies them. `client` applies
 * only when the caller names the authenticated client; `replayed` and `replay_cache_full` are the
 * single-use step (`spendJwtGrant`).
 */
export const GRANT_RULES = [
  'format',
  'issuer',
  'typ',
  'signature',
  'audience',
  'not_yet_valid',
  'expired',
  'client',
  'replayed',
  'replay_cache_full',
] as const

export type GrantRule = (typeof GRANT_RULES)[number]

/**
 * A profile of the JWT bearer grant: the identity-chaining grant (draft-ietf-oauth-identity-chaining
 * §2.4) and the ID-JAG (draft-ietf-oauth-identity-assertion-authz-grant §4.4.1) differ only in these.
 */
export interface JwtGrantProfile {
  /** What the grant is called in check labels and error descriptions: "grant", "ID-JAG". */
  name: string
  /** The JOSE `typ` the grant must carry (RFC 8725 §3.11). */
  typ: string
  /** Claims that must be present; `iss` and `aud` always are. */
  requiredClaims: readonly string[]
  /** True when `aud` must name this AS alone: a string, or an array of exactly one element. */
  soleAudience: boolean
  /** The stable reason each rule refuses with; its code, status and spec come from the reason table. */
  reasons: Readonly<Record<GrantRule, Reason>>
  /** Where a rule is written when that is not the reason's own section (one reason, several rules). */
  specs?: Readonly<Partial<Record<GrantRule, SpecRef>>>
  /** Keeps one profile's `jti`s apart from another's in a shared replay cache. */
  replayKeyPrefix: string
}

/**
 * The JOSE `typ` a JWT authorization grant carries in identity chaining. RFC 7523 names none, so this is
 * the plain `JWT` of RFC 7519 §5.1; what matters is that it is not `at+jwt`, so an access token can
 * never pass for a grant (RFC 8725 §3.11).
 */
export const JWT_GRANT_TYP = 'JWT'

/**
 * The identity-chaining grant: typed `JWT`, `sub`, `exp`, `iat` and `jti` required, `aud` including
 * this AS, no client binding; a full replay cache answers 503 rather than promise single use.
 * @see draft-ietf-oauth-identity-chaining §2.4.2
 * @see RFC 7523 §3
 */
export const CHAINING_GRANT_PROFILE: JwtGrantProfile = {
  name: 'grant',
  typ: JWT_GRANT_TYP,
  requiredClaims: ['sub', 'exp', 'iat', 'jti'],
  soleAudience: false,
  reasons: {
    format: 'chain.grant_malformed',
    issuer: 'chain.grant_untrusted_issuer',
    typ: 'chain.foreign_token',
    signature: 'chain.grant_invalid',
    audience: 'chain.grant_audience_mismatch',
    not_yet_valid: 'chain.grant_not_yet_valid',
    expired: 'chain.grant_expired',
    client: 'chain.grant_invalid',
    replayed: 'chain.grant_replayed',
    replay_cache_full: 'chain.grant_replay_cache_full',
  },
  specs: { typ: { doc: 'RFC 8725', section: '3.11' } },
  replayKeyPrefix: 'chain-grant',
}
