// Verifies a JWT for any server here: encoding, header rules, then jose, with the rule and reason of each refusal.
import {
  createLocalJWKSet,
  errors,
  jwtVerify,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from 'jose'
import { checkJwtHeader, JWS_ALGORITHMS } from './check-jwt-header.ts'
import { explainJoseError } from './explain-jose-error.ts'
import { jwtFailure, type JwtFailure } from './jwt-failure.ts'
import { readCompactJws } from './read-compact-jws.ts'
import type { DefencesOff } from '../trace/defence-switch.ts'
import {
  acceptUnsigned,
  beforeExpiry,
  skipsRule,
  type VulnerablyVerified,
} from './verify-jwt-defences-off.ts'

/**
 * Clock skew tolerated on `exp` and `nbf`, in whole seconds. The rule, as jose applies it: a token is
 * accepted while `now < exp + leeway` and refused from `now = exp + leeway` on, so with 30 s it is still
 * good at `exp + 29` and refused at `exp + 30`; it is refused while `now < nbf - leeway`.
 * @see RFC 7519 §4.1.4, §4.1.5
 */
export const JWT_LEEWAY_SECONDS = 30

// Registered as strings (RFC 7519 §4.1, RFC 9068 §2.2); jose checks presence, not type, for most of them.
const STRING_CLAIMS = new Set(['iss', 'sub', 'jti', 'client_id', 'scope'])

export interface JwtRules {
  /** What the token is called at the start of a wire description: "subject_token", "Access token", … */
  name: string
  /** The required JOSE `typ` (RFC 8725 §3.11). */
  typ: string
  issuer: string
  /** The audience `aud` must include; left out only by the IdP reading its own tokens (introspection). */
  audience?: string
  /** The only keys the token may be verified with; the token never supplies its own. */
  jwks: { keys: JWK[] }
  nowSeconds: number
  /** Default {@link JWT_LEEWAY_SECONDS}. */
  leewaySeconds?: number
  /** Default `sub`, `exp`, `iat`; `iss` and `aud` are always required. */
  requiredClaims?: string[]
  /** Default {@link JWS_ALGORITHMS}. */
  algorithms?: readonly string[]
  /**
   * Defences switched off (`token.alg`, `token.signature`, `token.expired`): the playground's vulnerable
   * servers only. Default none; see `verify-jwt-defences-off.ts`.
   */
  defencesOff?: DefencesOff
}

// One imported key set per JWKS object: keys are imported once, not on every verify. A WeakMap lets
// a key set go when its owner (a page load's key ring, a test) does.
const keySets = new WeakMap<{ keys: JWK[] }, ReturnType<typeof createLocalJWKSet>>()
function localKeySet(jwks: { keys: JWK[] }): ReturnType<typeof createLocalJWKSet> {
  let set = keySets.get(jwks)
  if (!set) keySets.set(jwks, (set = createLocalJWKSet(jwks)))
  return set
}

export type JwtVerification =
  | { ok: true; header: JWTHeaderParameters; payload: JWTPayload; skipped?: undefined }
  | VulnerablyVerified
  | { ok: false; failure: JwtFailure }

/**
 * Verifies a JWT in the order of `JWT_RULES`: one canonical compact encoding with no duplicate member
 * names; `typ`; no key of its own (`jwk`, `jku`, `x5c`, `x5u`); no `crit`; an allowed asymmetric `alg`
 * that is its key's algorithm; a `kid` from `jwks`; then jose checks the signature, the required claims,
 * `iss`, `aud`, `nbf` and `exp`. Never throws for a bad token: a refusal says which rule failed, where it
 * is written, and why. Each server maps that to its own error code and check labels.
 * @see RFC 7519 §7.2
 * @see RFC 8725 §3
 */
export async function verifyJwt(token: string, rules: JwtRules): Promise<JwtVerification> {
  const read = readCompactJws(token, rules.name)
  if (!read.ok) return read
  const algorithms = rules.algorithms ?? JWS_ALGORITHMS
  const leewaySeconds = rules.leewaySeconds ?? JWT_LEEWAY_SECONDS
  const requiredClaims = rules.requiredClaims ?? ['sub', 'exp', 'iat']
  const claims = (nowSeconds: number) => ({
    issuer: rules.issuer,
    ...(rules.audience === undefined ? {} : { audience: rules.audience }),
    requiredClaims,
    currentDate: new Date(nowSeconds * 1000),
    clockTolerance: leewaySeconds,
  })
  const context = { ...rules, leewaySeconds }
  const header = read.value.header as JWTHeaderParameters
  const refused = checkJwtHeader(read.value.header, { ...rules, algorithms })
  if (refused !== null && refused.rule === 'alg' && skipsRule(rules.defencesOff, refused))
    return acceptUnsigned(header, read.value.payload, claims(rules.nowSeconds), context, refused)
  if (refused !== null) return { ok: false, failure: refused }

  let verified: { payload: JWTPayload; protectedHeader: JWTHeaderParameters }
  const verify = (nowSeconds: number) =>
    jwtVerify(token, localKeySet(rules.jwks), {
      algorithms: [...algorithms],
      typ: rules.typ,
      ...claims(nowSeconds),
    })
  let skipped: JwtFailure[] | undefined
  try {
    verified = await verify(rules.nowSeconds)
  } catch (error) {
    // Only jose's own errors describe the token; anything else is a bug and should surface.
    if (!(error instanceof errors.JOSEError)) throw error
    const failure = explainJoseError(error, context)
    if (!skipsRule(rules.defencesOff, failure)) return { ok: false, failure }
    if (failure.rule === 'signature')
      return acceptUnsigned(header, read.value.payload, claims(rules.nowSeconds), context, failure)
    if (failure.rule !== 'exp') return { ok: false, failure }
    try {
      verified = await verify(beforeExpiry(read.value.payload, rules.nowSeconds))
      skipped = [failure]
    } catch (again) {
      if (!(again instanceof errors.JOSEError)) throw again
      return { ok: false, failure: explainJoseError(again, context) }
    }
  }

  const { payload, protectedHeader } = verified
  const notString = requiredClaims.find(
    (claim) => STRING_CLAIMS.has(claim) && typeof payload[claim] !== 'string',
  )
  if (notString !== undefined)
    return {
      ok: false,
      failure: jwtFailure(
        'claims',
        'RFC 7519 §4.1, RFC 9068 §2.2',
        `${rules.name} "${notString}" claim must be a string`,
        `The token's "${notString}" is ${JSON.stringify(payload[notString])}, but it is defined as a string.`,
      ),
    }
  return skipped
    ? { ok: true, header: protectedHeader, payload, skipped }
    : { ok: true, header: protectedHeader, payload }
}
