// Turns jose's reason for refusing an access token into the check it failed and words for the wire and for people.
import { errors } from 'jose'
import type { ACCESS_TOKEN_CHECKS } from './access-token-checks.ts'

export interface AccessTokenRefusal {
  check: keyof typeof ACCESS_TOKEN_CHECKS
  /** The wire `error_description`, quoting the claim at fault. */
  description: string
  reason: string
}

/**
 * Explains why `jwtVerify` refused an access token, naming the claim at fault.
 * @see RFC 9068 §4
 */
export function explainJoseRefusal(
  error: errors.JOSEError,
  expected: { issuer: string; audience: string; nowSeconds: number; clockToleranceSeconds: number },
): AccessTokenRefusal {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return {
      check: 'signature',
      description: 'Access token signature is invalid',
      reason:
        "The signature does not verify with the IdP's public key: the token was changed after it was issued, or someone else signed it.",
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return {
      check: 'signature',
      description: 'Access token "kid" matches no IdP key',
      reason:
        'No single key in the IdP\'s key set matches the token\'s "kid" and "alg", so the IdP did not sign it.',
    }
  }
  if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error
    const value = JSON.stringify(payload[claim] ?? null)
    if (reason === 'missing') {
      return {
        check: 'required',
        description: `Access token is missing the "${claim}" claim`,
        reason: `RFC 9068 §2.2 requires "${claim}" in every JWT access token.`,
      }
    }
    if (claim === 'iss') {
      return {
        check: 'iss',
        description: 'Access token "iss" is not the expected issuer',
        reason: `The token says it was issued by ${value}, but this server only accepts tokens from "${expected.issuer}".`,
      }
    }
    if (claim === 'aud') {
      return {
        check: 'aud',
        description: `Access token "aud" does not include "${expected.audience}"`,
        reason: `The token is meant for ${value}. A token issued for another audience can't be spent at this server.`,
      }
    }
    if (claim === 'exp' && reason === 'check_failed') {
      const ago = expected.nowSeconds - Number(payload.exp)
      return {
        check: 'time',
        description: 'Access token has expired',
        reason: `"exp" passed ${ago} s ago, beyond the ${expected.clockToleranceSeconds} s of clock skew tolerated.`,
      }
    }
    if (claim === 'nbf' && reason === 'check_failed') {
      return {
        check: 'time',
        description: 'Access token is not valid yet',
        reason: `"nbf" is ${Number(payload.nbf) - expected.nowSeconds} s from now: the token can't be used before then.`,
      }
    }
    return {
      check: claim === 'typ' ? 'typ' : 'required',
      description: `Access token "${claim}" claim is invalid`,
      reason: `jose refused the claim: ${error.message}.`,
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return { check: 'alg', description: 'Access token "alg" is not accepted', reason: error.message }
  }
  return {
    check: 'wellFormed',
    description: 'Access token is not a well-formed JWT',
    reason: `The token could not be read as a signed JWT (${error.message}).`,
  }
}
