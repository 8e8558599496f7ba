// What a verified passkey ceremony lets the IdP say about the sign-in: amr, acr and auth_time.
import { isoBase64URL, toHash } from '@simplewebauthn/server/helpers'
import type { VerifiedAssertion } from './verify-assertion.ts'

/** The claims of the subject token that come from the ceremony. */
export interface AuthenticationClaims {
  amr: string[]
  acr: string
  auth_time: number
  /** base64url SHA-256 of the credential id: names the passkey without handing out its id. */
  cred_hash?: string
}

/** Phishing-resistant authentication (OpenID EAP ACR Values 1.0 §2). */
export const ACR_PHISHING_RESISTANT = 'phr'
/** Phishing-resistant, with a key that cannot leave its device (OpenID EAP ACR Values 1.0 §2). */
export const ACR_PHISHING_RESISTANT_HARDWARE = 'phrh'

/**
 * Maps what was verified to RFC 8176 §2 `amr` values:
 * - a single-device credential (backup-eligible flag clear, §6.1.3) → `hwk`: the authenticator says the
 *   key cannot leave it; with attestation "none" the IdP takes it at its word, and says so;
 * - a synced (multi-device) passkey → `swk`: the key is kept and copied by a password manager;
 * - UP → `user` (user presence test);
 * - UV → `mfa`: possession of the key plus a PIN or biometric the authenticator checked. The authenticator
 *   does not say which, so neither `pin` nor `fpt` is claimed.
 *
 * `acr` is `phrh` for a device-bound key with UV, `phr` otherwise: WebAuthn is origin-bound, so any
 * passkey sign-in is phishing-resistant (OpenID EAP ACR Values 1.0 §2). `auth_time` is the ceremony.
 * @see RFC 8176 §2, OpenID Connect Core 1.0 §2 (acr, amr, auth_time), W3C WebAuthn Level 3 §6.1
 */
export async function authenticationClaims(verified: VerifiedAssertion): Promise<AuthenticationClaims> {
  const deviceBound = verified.deviceType === 'singleDevice'
  const amr = [deviceBound ? 'hwk' : 'swk']
  if (verified.userPresent) amr.push('user')
  if (verified.userVerified) amr.push('mfa')
  const hash = await toHash(isoBase64URL.toBuffer(verified.credentialId))
  return {
    amr,
    acr: deviceBound && verified.userVerified ? ACR_PHISHING_RESISTANT_HARDWARE : ACR_PHISHING_RESISTANT,
    auth_time: verified.authTime,
    cred_hash: isoBase64URL.fromBuffer(hash),
  }
}
