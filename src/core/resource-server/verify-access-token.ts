// Validates a JWT access token the way RFC 9068 §4 tells a resource server to.
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from 'jose'
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { ACCESS_TOKEN_CHECKS as C, type AccessTokenCheck } from './access-token-checks.ts'
import { explainJoseRefusal } from './explain-jose-refusal.ts'

/** Signature algorithms accepted for access tokens: asymmetric only, never `none` or HMAC (RFC 8725 §3.1). */
export const ACCESS_TOKEN_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'PS256', 'EdDSA']

/** Clock skew tolerated on `exp` and `nbf`, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30

export interface AccessTokenVerifyOptions {
  /** The IdP's issuer identifier, which `iss` must equal. */
  issuer: string
  /** This resource server's audience, which `aud` must include. */
  audience: string
  /** The IdP's public keys. */
  jwks: { keys: JWK[] }
  nowSeconds: number
  log: CheckLog
}

export interface VerifiedAccessToken {
  payload: JWTPayload
  header: JWTHeaderParameters
}

/**
 * Verifies an access token: `typ` is `at+jwt`, `alg` is an allowed asymmetric algorithm, the signature
 * verifies with the IdP's keys, `iss` and `aud` match, it has not expired, and the RFC 9068 claims are
 * there. Every refusal is `invalid_token` (401); every check, passed or failed, goes to `log`.
 * @see RFC 9068 §4
 * @see RFC 6750 §3.1
 */
export async function verifyAccessToken(
  token: string,
  options: AccessTokenVerifyOptions,
): Promise<Result<VerifiedAccessToken>> {
  const pass = (check: AccessTokenCheck, detail?: string) =>
    options.log.record({ ...check, ok: true, ...(detail === undefined ? {} : { detail }) })
  const refuse = (check: AccessTokenCheck, description: string, reason: string) => {
    options.log.record({ ...check, ok: false, detail: reason })
    return fail<VerifiedAccessToken>(oauthError('invalid_token', 401, check.spec, description, reason))
  }

  let header: JWTHeaderParameters
  try {
    header = decodeProtectedHeader(token) as JWTHeaderParameters
    decodeJwt(token)
  } catch (error) {
    return refuse(
      C.wellFormed,
      'Access token is not a well-formed JWT',
      `The token must be a signed JWT in compact form (${(error as Error).message}).`,
    )
  }
  pass(C.wellFormed)

  // RFC 9068 §4 accepts "at+jwt" and "application/at+jwt"; media types compare case-insensitively.
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined
  if (typ !== 'at+jwt' && typ !== 'application/at+jwt') {
    return refuse(
      C.typ,
      'Access token "typ" must be "at+jwt"',
      `The header says "typ": ${JSON.stringify(header.typ ?? null)}. Only "at+jwt" marks a JWT as an access token, so an ID token, a DPoP proof or another JWT can't be spent as one.`,
    )
  }
  pass(C.typ, header.typ)

  const alg = String(header.alg)
  if (!ACCESS_TOKEN_ALGORITHMS.includes(alg)) {
    const why =
      alg.toLowerCase() === 'none'
        ? 'an unsigned token proves nothing'
        : /^HS/i.test(alg)
          ? 'an HMAC would need a secret shared with every resource server'
          : "it is not on this server's list"
    return refuse(
      C.alg,
      `Access token "alg" "${alg}" is not accepted`,
      `Access tokens must be signed with ${ACCESS_TOKEN_ALGORITHMS.join(', ')}; "${alg}" is refused because ${why}.`,
    )
  }
  pass(C.alg, alg)

  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(token, createLocalJWKSet(options.jwks), {
      algorithms: [...ACCESS_TOKEN_ALGORITHMS],
      typ: 'at+jwt',
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
      currentDate: new Date(options.nowSeconds * 1000),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }))
  } catch (error) {
    // Only jose's own errors describe the token; anything else is a bug and should surface.
    if (!(error instanceof errors.JOSEError)) throw error
    const refusal = explainJoseRefusal(error, { ...options, clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS })
    return refuse(C[refusal.check], refusal.description, refusal.reason)
  }
  pass(C.signature, header.kid)
  // jose checks these claims are present; the audit log and the binding checks also need them as strings.
  for (const claim of ['sub', 'jti', 'client_id'] as const) {
    if (typeof payload[claim] !== 'string') {
      return refuse(
        C.required,
        `Access token "${claim}" claim must be a string`,
        `The token's "${claim}" is ${JSON.stringify(payload[claim])}, but RFC 9068 §2.2 defines it as a string.`,
      )
    }
  }
  pass(C.required)
  pass(C.iss, String(payload.iss))
  pass(C.aud, options.audience)
  pass(C.time, `expires in ${Number(payload.exp) - options.nowSeconds} s`)
  return ok({ payload, header })
}
