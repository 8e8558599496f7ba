// Turns jose's reason for refusing a JWT into the rule it broke, with words for the wire and for people.
import { errors } from 'jose'
import { jwtFailure, type JwtFailure } from './jwt-failure.ts'
import { malformedJwt } from './read-compact-jws.ts'

/** What the verifier expected, for naming the difference. */
export interface JoseErrorContext {
  name: string
  issuer: string
  audience?: string
  nowSeconds: number
  leewaySeconds: number
}

/**
 * Explains why jose's `jwtVerify` refused a token, naming the claim or header at fault.
 * @see RFC 7519 §7.2
 * @see RFC 8725 §3
 */
export function explainJoseError(error: errors.JOSEError, context: JoseErrorContext): JwtFailure {
  const { name, issuer } = context
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return jwtFailure(
      'signature',
      'RFC 7515 §5.2',
      `${name} signature does not verify`,
      `The signature does not verify with the key set of ${issuer}: the token was changed after it was issued, or someone else signed it.`,
    )
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return jwtFailure(
      'key',
      'RFC 7515 §4.1.4, RFC 8725 §3.1',
      `${name} "kid" and "alg" match no single key of the issuer`,
      `No single key in the key set of ${issuer} fits the token's "kid" and "alg", so the issuer did not sign it.`,
    )
  if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed)
    return explainClaim(error, context)
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    const crit = /Extension Header Parameter/.test(error.message)
    return jwtFailure(
      crit ? 'crit' : 'alg',
      crit ? 'RFC 7515 §4.1.11' : 'RFC 8725 §3.1',
      crit ? `${name} header "crit" is not understood` : `${name} "alg" is not accepted`,
      `jose refused the header: ${error.message}.`,
    )
  }
  return malformedJwt(name, error.message)
}

function explainClaim(
  error: errors.JWTExpired | errors.JWTClaimValidationFailed,
  { name, issuer, audience, nowSeconds, leewaySeconds }: JoseErrorContext,
): JwtFailure {
  const { claim, reason, payload } = error
  const value = JSON.stringify(payload[claim] ?? null)
  if (reason === 'missing')
    return jwtFailure(
      'claims',
      'RFC 7519 §7.2',
      `${name} is missing the "${claim}" claim`,
      `The token has no "${claim}", and this server requires "${claim}" in every token of this kind.`,
    )
  if (reason === 'check_failed' && claim === 'iss')
    return jwtFailure(
      'iss',
      'RFC 7519 §4.1.1, RFC 8725 §3.8',
      `${name} "iss" is not the expected issuer`,
      `The token says it was issued by ${value}, but this server only accepts tokens from "${issuer}".`,
    )
  if (reason === 'check_failed' && claim === 'aud')
    return jwtFailure(
      'aud',
      'RFC 7519 §4.1.3, RFC 8725 §3.9',
      `${name} "aud" does not include "${audience}"`,
      `The token is meant for ${value}. Audience restriction keeps a token issued for one party from being spent at another.`,
    )
  if (reason === 'check_failed' && claim === 'nbf')
    return jwtFailure(
      'nbf',
      'RFC 7519 §4.1.5',
      `${name} is not valid yet ("nbf")`,
      `"nbf" is ${Number(payload.nbf) - nowSeconds} s from now, beyond the ${leewaySeconds} s of clock skew tolerated: the token can't be used before then.`,
    )
  if (reason === 'check_failed' && claim === 'exp')
    return jwtFailure(
      'exp',
      'RFC 7519 §4.1.4',
      `${name} has expired`,
      `"exp" passed ${nowSeconds - Number(payload.exp)} s ago, beyond the ${leewaySeconds} s of clock skew tolerated.`,
    )
  return jwtFailure(
    'claims',
    'RFC 7519 §7.2',
    `${name} "${claim}" claim is invalid`,
    `The token's "${claim}" is ${value}: ${error.message}.`,
  )
}
