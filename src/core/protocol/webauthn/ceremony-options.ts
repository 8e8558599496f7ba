// The options the IdP hands the browser for each ceremony, as JSON for @simplewebauthn/browser.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import { COSEALG } from '@simplewebauthn/server/helpers'
import type { RelyingParty } from './relying-party.ts'

export interface PasskeyUser {
  /** The user handle, base64url: stable for the demo user so a new passkey replaces the old one. */
  id: string
  name: string
  displayName: string
}

/**
 * Options for creating a discoverable passkey with user verification. `deviceOnly` asks for the
 * platform authenticator (this device's own, not a phone or a security key) with the `client-device`
 * hint. Because `user.id` is stable, an authenticator that already holds a passkey for this user on
 * this RP replaces it instead of adding a second one.
 * @see W3C WebAuthn Level 3 §5.4, §5.4.4 (authenticatorAttachment), §5.4.8 (hints), §6.3.2 step 7
 */
export function registrationOptions(
  rp: RelyingParty,
  challenge: string,
  user: PasskeyUser,
  deviceOnly: boolean,
): PublicKeyCredentialCreationOptionsJSON {
  return {
    rp: { id: rp.rpId, name: rp.rpName },
    user,
    challenge,
    pubKeyCredParams: [COSEALG.ES256, COSEALG.EdDSA, COSEALG.RS256].map((alg) => ({
      type: 'public-key',
      alg,
    })),
    timeout: 120_000,
    attestation: 'none',
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: rp.requireUserVerification ? 'required' : 'preferred',
      ...(deviceOnly ? { authenticatorAttachment: 'platform' as const } : {}),
    },
    ...(deviceOnly ? { hints: ['client-device' as const] } : {}),
  }
}

/**
 * Options for signing in. With no credential ids the browser looks for a discoverable passkey for this RP.
 * @see W3C WebAuthn Level 3 §5.5
 */
export function authenticationOptions(
  rp: RelyingParty,
  challenge: string,
  allowCredentials: string[] = [],
): PublicKeyCredentialRequestOptionsJSON {
  return {
    rpId: rp.rpId,
    challenge,
    timeout: 120_000,
    userVerification: rp.requireUserVerification ? 'required' : 'preferred',
    allowCredentials: allowCredentials.map((id) => ({ id, type: 'public-key' })),
  }
}
