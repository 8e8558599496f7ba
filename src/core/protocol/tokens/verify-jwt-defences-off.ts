// What a verifier with one JWT defence switched off accepts: the playground's vulnerable servers, never the sandbox.
import {
  errors,
  UnsecuredJWT,
  type JWTClaimVerificationOptions,
  type JWTHeaderParameters,
  type JWTPayload,
} from 'jose'
import type { DefencesOff } from '../trace/defence-switch.ts'
import { explainJoseError, type JoseErrorContext } from './explain-jose-error.ts'
import { REASON_FOR_RULE, type JwtFailure } from './jwt-failure.ts'

/** A token a vulnerable verifier accepted, with the refusals it skipped to do so. */
export interface VulnerablyVerified {
  ok: true
  header: JWTHeaderParameters
  payload: JWTPayload
  skipped: JwtFailure[]
}

/** True when the defence that refuses on `failure`'s rule is switched off. */
export const skipsRule = (off: DefencesOff | undefined, failure: JwtFailure): boolean =>
  off?.has(REASON_FOR_RULE[failure.rule]) === true

/**
 * A verifier that does not check the signature (its `alg` or signature defence off, RFC 8725 §3.1,
 * RFC 7515 §5.2) still checks the claims: jose checks them here on the same payload, unsigned, so that
 * exactly the one defence is missing and `iss`, `aud`, `exp` and the required claims still count.
 */
export async function acceptUnsigned(
  header: JWTHeaderParameters,
  payload: JWTPayload,
  claims: JWTClaimVerificationOptions,
  context: JoseErrorContext,
  skipped: JwtFailure,
): Promise<VulnerablyVerified | { ok: false; failure: JwtFailure }> {
  try {
    const unsigned = new UnsecuredJWT(payload).encode()
    const read = UnsecuredJWT.decode(unsigned, claims)
    return { ok: true, header, payload: read.payload, skipped: [skipped] }
  } catch (error) {
    if (!(error instanceof errors.JOSEError)) throw error
    return { ok: false, failure: explainJoseError(error, context) }
  }
}

/**
 * A verifier whose `exp` defence is off checks everything else at a moment just before the token
 * expired, so `nbf` and the signature still count (RFC 7519 §4.1.4 is the one rule skipped).
 */
export const beforeExpiry = (payload: JWTPayload, nowSeconds: number): number =>
  typeof payload.exp === 'number' ? Math.min(nowSeconds, payload.exp - 1) : nowSeconds
