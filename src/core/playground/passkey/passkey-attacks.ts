// The passkey attacks as data: what the attacker changes in a real ceremony, and the check that stops it.
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
