// The attacker's version of a real assertion: the bytes changed where each attack lives.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { isoBase64URL, isoUint8Array, parseAuthenticatorData } from '@simplewebauthn/server/helpers'
import type { PasskeyAttackId } from './passkey-attacks.ts'

/**
 * The assertion as the attacker presents it. The signed bytes are changed where the attack lives; the
 * IdP's check for that field runs before the signature check (§7.2 order), so it names the attack.
 * Replay and counter attacks need no change to the bytes: they are about what the IdP saw before.
 */
export function attackedAssertion(
  attack: PasskeyAttackId,
  honest: AuthenticationResponseJSON,
): AuthenticationResponseJSON {
  const { response } = honest
  switch (attack) {
    case 'other-origin': {
      const client = JSON.parse(isoBase64URL.toUTF8String(response.clientDataJSON)) as Record<string, unknown>
      const forged = isoBase64URL.fromUTF8String(
        JSON.stringify({ ...client, origin: 'https://login.evil.example' }),
      )
      return { ...honest, response: { ...response, clientDataJSON: forged } }
    }
    case 'other-rp-id':
      return withAuthData(honest, (bytes) => {
        bytes.set(new Uint8Array(32).fill(0xee), 0)
      })
    case 'uv-missing':
      return withAuthData(honest, (bytes) => {
        bytes[32] = (bytes[32] ?? 0) & ~0x04
      })
    default:
      return honest
  }
}

/** The counter an assertion reports, for the cloned-authenticator attack to raise the IdP's view above. */
export function assertionCounter(assertion: AuthenticationResponseJSON): number {
  return parseAuthenticatorData(isoBase64URL.toBuffer(assertion.response.authenticatorData)).counter
}

function withAuthData(
  honest: AuthenticationResponseJSON,
  edit: (bytes: Uint8Array) => void,
): AuthenticationResponseJSON {
  const bytes = isoUint8Array.concat([isoBase64URL.toBuffer(honest.response.authenticatorData)])
  edit(bytes)
  return { ...honest, response: { ...honest.response, authenticatorData: isoBase64URL.fromBuffer(bytes) } }
}
