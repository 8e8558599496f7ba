// Verifies a JWT with jose and turns each way it can fail into a precise, quotable reason.
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWK, type JWTPayload } from 'jose'

/** Asymmetric algorithms only: `none` and HMAC are refused everywhere (RFC 8725 §3.1, §3.2). */
export const ALLOWED_JWS_ALGS = ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const

export interface JwtRules {
  /** What the token is called in messages: "subject_token", "access token", … */
  name: string
  /** The required JOSE `typ` (RFC 8725 §3.11). */
  typ: string
  issuer: string
  audience: string
  jwks: { keys: JWK[] }
  nowSeconds: number
  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds. */
  leewaySeconds?: number
  requiredClaims?: string[]
}

/** Which rule a token broke, for the checks list, plus the wire text and the plain reason. */
export interface JwtFailure {
  rule: 'format' | 'alg' | 'typ' | 'signature' | 'iss' | 'aud' | 'exp' | 'nbf' | 'claims'
  spec: string
  description: string
  reason: string
}

export type JwtVerification =
  { ok: true; header: Record<string, unknown>; payload: JWTPayload } | { ok: false; failure: JwtFailure }

const failure = (
  rule: JwtFailure['rule'],
  spec: string,
  description: string,
  reason: string,
): JwtVerification => ({
  ok: false,
  failure: { rule, spec, description, reason },
})

function readHeader(token: string): Record<string, unknown> | null {
  try {
    return decodeProtectedHeader(token) as Record<string, unknown>
  } catch {
    return null
  }
}

/**
 * Verifies signature, `alg`, `typ`, `iss`, `aud`, `exp` and `nbf`. Header checks run first so a
 * refusal can name the exact trick (`alg: none`, a DPoP proof posing as a token, …).
 * @see RFC 7519 §7.2, RFC 8725 §3.1, §3.11
 */
export async function verifyJwt(token: string, rules: JwtRules): Promise<JwtVerification> {
  const header = readHeader(token)
  if (header === null || token.split('.').length !== 3)
    return failure(
      'format',
      'RFC 7515 §7.1',
      `${rules.name} is not a JWS compact serialization`,
      `The ${rules.name} must be three base64url parts separated by dots, with a JSON header.`,
    )
  const alg = String(header.alg)
  if (!(ALLOWED_JWS_ALGS as readonly string[]).includes(alg)) {
    const why =
      alg === 'none'
        ? 'an unsigned token proves nothing'
        : alg.startsWith('HS')
          ? 'an HMAC key is a shared secret, and a public key must never be used as one'
          : 'it is not on the allowlist'
    return failure(
      'alg',
      'RFC 8725 §3.1',
      `${rules.name} "alg" ${alg} is not allowed`,
      `The ${rules.name} uses alg "${alg}", which is refused: ${why}.`,
    )
  }
  if (String(header.typ).toLowerCase() !== rules.typ.toLowerCase())
    return failure(
      'typ',
      'RFC 8725 §3.11',
      `${rules.name} "typ" must be "${rules.typ}", not "${String(header.typ)}"`,
      `Explicit typing keeps one kind of JWT from passing for another: a ${rules.name} carries typ "${rules.typ}", and this token says "${String(header.typ)}".`,
    )
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(rules.jwks), {
      algorithms: [...ALLOWED_JWS_ALGS],
      typ: rules.typ,
      issuer: rules.issuer,
      audience: rules.audience,
      currentDate: new Date(rules.nowSeconds * 1000),
      clockTolerance: rules.leewaySeconds ?? 30,
      requiredClaims: rules.requiredClaims ?? ['sub', 'exp', 'iat'],
    })
    return { ok: true, header, payload }
  } catch (error) {
    return describeJoseError(error, rules)
  }
}

function describeJoseError(error: unknown, rules: JwtRules): JwtVerification {
  const name = rules.name
  if (error instanceof errors.JWTExpired)
    return failure(
      'exp',
      'RFC 7519 §4.1.4',
      `${name} has expired`,
      `The ${name} expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}; the clock now reads ${new Date(rules.nowSeconds * 1000).toISOString()}.`,
    )
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim
    if (claim === 'iss')
      return failure(
        'iss',
        'RFC 7519 §4.1.1',
        `${name} "iss" is not ${rules.issuer}`,
        `The ${name} was issued by "${String(error.payload.iss)}", but only ${rules.issuer} is accepted here.`,
      )
    if (claim === 'aud')
      return failure(
        'aud',
        'RFC 7519 §4.1.3',
        `${name} "aud" does not include ${rules.audience}`,
        `The ${name} is meant for ${JSON.stringify(error.payload.aud)}, not for ${rules.audience}: audience restriction stops a token minted for one party from being used at another.`,
      )
    if (claim === 'nbf')
      return failure(
        'nbf',
        'RFC 7519 §4.1.5',
        `${name} is not valid yet ("nbf")`,
        `The ${name} may not be used before ${new Date(Number(error.payload.nbf) * 1000).toISOString()}.`,
      )
    return failure(
      'claims',
      'RFC 7519 §7.2',
      `${name} claim "${claim}" is invalid: ${error.reason}`,
      `The ${name}'s "${claim}" claim failed validation (${error.reason}).`,
    )
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return failure(
      'signature',
      'RFC 7515 §5.2',
      `${name} signature does not verify`,
      `No key the server trusts for ${rules.issuer} produced this signature: the token was signed by someone else, or its contents were changed after signing.`,
    )
  if (error instanceof errors.JOSEAlgNotAllowed)
    return failure(
      'alg',
      'RFC 8725 §3.1',
      `${name} "alg" is not allowed`,
      `The ${name}'s algorithm is not on the allowlist.`,
    )
  const message = error instanceof Error ? error.message : String(error)
  return failure(
    'format',
    'RFC 7519 §7.2',
    `${name} is malformed: ${message}`,
    `The ${name} could not be read as a signed JWT (${message}).`,
  )
}
