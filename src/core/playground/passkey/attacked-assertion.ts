// What each passkey attack changes around a real ceremony: the relying party it is checked as, the
// options the attacker's page asks with, and (only where no real authenticator obliges) the signed bytes.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import { isoBase64URL, isoUint8Array, parseAuthenticatorData } from '@simplewebauthn/server/helpers'
import type { RelyingParty } from '../../protocol/webauthn/relying-party.ts'
import type { PasskeyAttackId } from './passkey-attacks.ts'

/**
 * The relying party the IdP checks the attacked assertion as. A page cannot make the visitor's
 * authenticator sign for another origin or RP ID, so the attacks keep the real signature and move the
 * IdP instead:
 * - another origin: the IdP's sign-in page is `https://login.<RP ID>`, and the ceremony ran on this page,
 *   another origin under the same RP ID (as a sibling subdomain the attacker controls could);
 * - another RP ID: the IdP is the relying party `login.<RP ID>`, and the passkey is scoped to `<RP ID>`.
 * @see W3C WebAuthn Level 3 §5.1.3 (RP ID), §7.2 steps 9 and 15, §13.4.9 (origin validation)
 */
export function attackedRelyingParty(attack: PasskeyAttackId, rp: RelyingParty): RelyingParty {
  if (attack === 'other-origin') return { ...rp, origin: `https://login.${rp.rpId}` }
  if (attack === 'other-rp-id') return { ...rp, rpId: `login.${rp.rpId}` }
  return rp
}

/**
 * The options the attacker's page asks the authenticator with. Without UV: `userVerification:
 * "discouraged"`, so the authenticator checks presence only (a touch), and no PIN or biometric.
 * @see W3C WebAuthn Level 3 §5.5 (userVerification), §6.2.3
 */
export function attackedRequestOptions(
  attack: PasskeyAttackId | null,
  options: PublicKeyCredentialRequestOptionsJSON,
): PublicKeyCredentialRequestOptionsJSON {
  return attack === 'uv-missing' ? { ...options, userVerification: 'discouraged' } : options
}

/** The counter an assertion reports, for the cloned-authenticator attack to raise the IdP's view above. */
export function assertionCounter(assertion: AuthenticationResponseJSON): number {
  return parseAuthenticatorData(isoBase64URL.toBuffer(assertion.response.authenticatorData)).counter
}

/** True when the assertion's authenticatorData has the UV flag set. */
export function assertionUserVerified(assertion: AuthenticationResponseJSON): boolean {
  return parseAuthenticatorData(isoBase64URL.toBuffer(assertion.response.authenticatorData)).flags.uv
}

/**
 * The assertion with the UV flag cleared after signing: for an authenticator that verified the user even
 * though the page asked it not to. The signature then no longer covers the bytes, which the signature
 * check (always on) refuses once the UV check is switched off.
 * @see W3C WebAuthn Level 3 §6.1 (flags)
 */
export function withoutUvFlag(assertion: AuthenticationResponseJSON): AuthenticationResponseJSON {
  const bytes = isoUint8Array.concat([isoBase64URL.toBuffer(assertion.response.authenticatorData)])
  bytes[32] = (bytes[32] ?? 0) & ~0x04
  return {
    ...assertion,
    response: { ...assertion.response, authenticatorData: isoBase64URL.fromBuffer(bytes) },
  }
}
