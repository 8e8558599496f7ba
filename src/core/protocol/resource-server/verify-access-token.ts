// Validates a JWT access token the way RFC 9068 §4 tells a resource server to, with the shared JWT verifier.
import type { JWK, JWTHeaderParameters, JWTPayload } from 'jose'
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import { REASON_FOR_RULE } from '../tokens/jwt-failure.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import {
  ACCESS_TOKEN_CHECK_RULES,
  ACCESS_TOKEN_CHECKS as C,
  type AccessTokenCheckId,
} from './access-token-checks.ts'

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

const CHECK_ORDER = Object.keys(ACCESS_TOKEN_CHECK_RULES) as AccessTokenCheckId[]

/**
 * Verifies an access token: one canonical JWS, `typ` `at+jwt`, no key or extension of its own, an
 * accepted asymmetric `alg`, a signature by the IdP's keys, the RFC 9068 claims, `iss`, `aud` and the
 * validity period. Every refusal is `invalid_token` (401); every check, passed or failed, goes to `log`.
 * @see RFC 9068 §4
 * @see RFC 6750 §3.1
 * @see RFC 8725 §3
 */
export async function verifyAccessToken(
  token: string,
  options: AccessTokenVerifyOptions,
): Promise<Result<VerifiedAccessToken>> {
  const verified = await verifyJwt(token, {
    name: 'Access token',
    typ: JWT_TYP.accessToken,
    issuer: options.issuer,
    audience: options.audience,
    jwks: options.jwks,
    nowSeconds: options.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
    ...(options.log.defencesOff ? { defencesOff: options.log.defencesOff } : {}),
  })
  const details: Partial<Record<AccessTokenCheckId, string>> = verified.ok
    ? {
        typ: verified.header.typ,
        alg: verified.header.alg,
        signature: verified.header.kid,
        iss: String(verified.payload.iss),
        aud: options.audience,
        time: `expires in ${Number(verified.payload.exp) - options.nowSeconds} s`,
      }
    : {}
  const record = checkRecorder(options.log)
  for (const id of CHECK_ORDER) {
    const check = C[id]
    if (!verified.ok && ACCESS_TOKEN_CHECK_RULES[id].includes(verified.failure.rule)) {
      const { rule, description, explanation } = verified.failure
      return fail(
        record.refuse(
          check,
          oauthError(REASON_FOR_RULE[rule], description, { explanation, code: 'invalid_token' }),
        ),
      )
    }
    const skipped = verified.ok
      ? verified.skipped?.find((failure) => ACCESS_TOKEN_CHECK_RULES[id].includes(failure.rule))
      : undefined
    if (skipped) record.skip(check, skipped)
    else record.pass(check, details[id] || undefined)
  }
  // Unreachable for a refusal: every rule of the verifier belongs to one check above.
  if (!verified.ok) throw new Error(`No check for the "${verified.failure.rule}" rule`)
  return ok({ payload: verified.payload, header: verified.header })
}
