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
  /** The reason the IdP refuses with: its "Defence on" switch. */
  reason: Reason
  /** What an IdP with that defence switched off does, truthfully to this playground's IdP. */
  whenOff: string
}

export const PASSKEY_ATTACKS: readonly PasskeyAttack[] = [
  {
    id: 'other-origin',
    name: 'Passkey assertion from another origin',
    change:
      'The IdP signs people in at https://login.<RP ID>; the ceremony ran on this page, another origin under the same RP ID, as a sibling subdomain the attacker controls could run it.',
    defence: 'The IdP checks clientDataJSON "origin" against its own (WebAuthn L3 §7.2).',
    reason: 'webauthn.origin_mismatch',
    whenOff: 'The IdP takes the origin the ceremony ran on, and the signature still verifies: signed in.',
  },
  {
    id: 'other-rp-id',
    name: 'Passkey assertion for another RP ID',
    change:
      'The IdP is the relying party login.<RP ID>; the passkey, and so its signed "rpIdHash", is scoped to <RP ID>: a passkey that belongs to another site.',
    defence: 'The IdP checks "rpIdHash" is SHA-256 of its RP ID (WebAuthn L3 §7.2).',
    reason: 'webauthn.rp_id_mismatch',
    whenOff:
      'The IdP takes the RP ID of the page the ceremony ran on: signed in with another site’s passkey.',
  },
  {
    id: 'replayed-assertion',
    name: 'Replayed passkey assertion',
    change: 'The attacker captured the honest assertion and sends it again.',
    defence: 'Each challenge is good once (WebAuthn L3 §13.4.3).',
    reason: 'webauthn.challenge_reused',
    whenOff:
      'The IdP takes the used challenge. An authenticator that counts its signatures is still caught by the counter check (webauthn.counter_regressed); a synced passkey that always reports 0 is signed in again.',
  },
  {
    id: 'uv-missing',
    name: 'Passkey sign-in without user verification',
    change:
      'The page asks with userVerification "discouraged": the authenticator checks a touch, not a PIN or biometric, so the UV flag is clear.',
    defence: 'Policy requires UV; the IdP checks the flag (WebAuthn L3 §7.2).',
    reason: 'webauthn.user_not_verified',
    whenOff: 'The IdP signs in whoever touched the authenticator: amr says user, not mfa.',
  },
  {
    id: 'counter-regressed',
    name: 'Cloned authenticator (counter went backwards)',
    change: 'The IdP has already seen this passkey sign at a higher count: a copy signed in between.',
    defence: 'The signature counter must grow (WebAuthn L3 §6.1.1).',
    reason: 'webauthn.counter_regressed',
    whenOff: 'The IdP takes the lower count and stores it: the clone goes unnoticed.',
  },
]

export const findPasskeyAttack = (id: string) => PASSKEY_ATTACKS.find((attack) => attack.id === id)
