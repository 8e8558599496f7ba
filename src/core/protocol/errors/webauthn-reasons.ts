// The reasons the IdP refuses a passkey sign-in with, each listed once.
import type { ReasonInfo } from './reasons.ts'
import { specRef } from './spec-ref.ts'

// The resource owner's sign-in failed, so `access_denied` (RFC 6749 §4.1.2.1); the rule is the
// WebAuthn relying party's (W3C WebAuthn Level 3 §7).
const webauthn = (section: string, summary: string): ReasonInfo => ({
  codes: ['access_denied'],
  status: 403,
  spec: specRef('W3C WebAuthn Level 3', section),
  summary,
})

/**
 * Passkey sign-in reasons, spread into `REASONS`.
 * @see W3C WebAuthn Level 3 §7.1, §7.2, §6.1.1, §13.4.3
 */
export const WEBAUTHN_REASONS = {
  'webauthn.cancelled': webauthn(
    '5.1.4',
    'The person cancelled the passkey ceremony, or it timed out (NotAllowedError).',
  ),
  'webauthn.malformed': webauthn('7.2', 'The ceremony response is not a WebAuthn response the IdP can read.'),
  'webauthn.type_mismatch': webauthn('7.2', 'clientDataJSON "type" is not the ceremony the IdP asked for.'),
  'webauthn.challenge_unknown': webauthn('7.2', 'The signed challenge is not one this IdP issued.'),
  'webauthn.challenge_reused': webauthn(
    '13.4.3',
    'The signed challenge was already used: a replayed assertion.',
  ),
  'webauthn.origin_mismatch': webauthn('7.2', 'clientDataJSON "origin" is not the page the IdP serves.'),
  'webauthn.rp_id_mismatch': webauthn('7.2', 'authenticatorData "rpIdHash" is not the hash of this RP ID.'),
  'webauthn.user_not_present': webauthn('7.2', 'The authenticator did not set the user-present (UP) flag.'),
  'webauthn.user_not_verified': webauthn(
    '7.2',
    'Policy requires user verification and the UV flag is not set.',
  ),
  'webauthn.unknown_credential': webauthn('7.2', 'The IdP holds no public key for this credential id.'),
  'webauthn.counter_regressed': webauthn(
    '6.1.1',
    'The signature counter is not above the one last seen: a cloned authenticator.',
  ),
  'webauthn.bad_signature': webauthn(
    '7.2',
    'The signature over authenticatorData and the clientDataJSON hash does not verify.',
  ),
} as const satisfies Record<string, ReasonInfo>
