// The passkey attacks as data: what the attacker changes in a real ceremony, and the check that stops it.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { isoBase64URL, isoUint8Array, parseAuthenticatorData } from '@simplewebauthn/server/helpers'
import type { Reason } from '../../protocol/errors/reasons.ts'

export type PasskeyAttackId =
  'other-origin' | 'other-rp-id' | 'replayed-assertion' | 'uv-missing' | 'counter-regressed'

export interface PasskeyAttack {
  id: PasskeyAttackId
  name: string
  /** What the attacker changed, compared with an honest sign-in. */
  change: string
  /** The defence, and the section it comes from. */
  defence: string
  /** The reason the IdP refuses with. */
  reason: Reason
}

export const PASSKEY_ATTACKS: readonly PasskeyAttack[] = [
  {
    id: 'other-origin',
    name: 'Passkey assertion from a phishing origin',
    change: 'clientDataJSON names https://login.evil.example: the ceremony ran on a look-alike page.',
    defence: 'The IdP checks clientDataJSON "origin" against its own (WebAuthn L3 §7.2).',
    reason: 'webauthn.origin_mismatch',
  },
  {
    id: 'other-rp-id',
    name: 'Passkey assertion for another RP ID',
    change: 'authenticatorData is scoped to evil.example: a passkey that belongs to another site.',
    defence: 'The IdP checks "rpIdHash" is SHA-256 of its RP ID (WebAuthn L3 §7.2).',
    reason: 'webauthn.rp_id_mismatch',
  },
  {
    id: 'replayed-assertion',
    name: 'Replayed passkey assertion',
    change: 'The attacker sends a captured assertion again.',
    defence: 'Each challenge is good once (WebAuthn L3 §13.4.3).',
    reason: 'webauthn.challenge_reused',
  },
  {
    id: 'uv-missing',
    name: 'Passkey sign-in without user verification',
    change: 'The UV flag is clear: someone touched the authenticator, nobody checked who.',
    defence: 'Policy requires UV; the IdP checks the flag (WebAuthn L3 §7.2).',
    reason: 'webauthn.user_not_verified',
  },
  {
    id: 'counter-regressed',
    name: 'Cloned authenticator (counter went backwards)',
    change: 'The IdP has already seen this passkey sign at a higher count: a copy signed in between.',
    defence: 'The signature counter must grow (WebAuthn L3 §6.1.1).',
    reason: 'webauthn.counter_regressed',
  },
]

export const findPasskeyAttack = (id: string) => PASSKEY_ATTACKS.find((attack) => attack.id === id)

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
