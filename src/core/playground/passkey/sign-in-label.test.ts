import { describe, expect, test } from 'vitest'
import { oauthError } from '../../protocol/errors/oauth-error.ts'
import { signInLabel, subjectSignInNote } from './sign-in-label.ts'
import type { SignInResult } from './sign-in-result.ts'

const claims = { amr: ['hwk', 'user', 'mfa'], acr: 'phrh', auth_time: 1 }
const verified = (userVerified: boolean): SignInResult => ({
  ok: true,
  claims,
  userVerified,
  checks: [],
  defencesOff: [],
})
const refused: SignInResult = {
  ok: false,
  error: oauthError('webauthn.cancelled', 'The passkey ceremony ended without a response (NotAllowedError)'),
  checks: [],
  defencesOff: [],
}
const vulnerable: SignInResult = {
  ...verified(true),
  defencesOff: ['webauthn.origin_mismatch'],
  checks: [{ label: 'origin', spec: 'W3C WebAuthn Level 3 §7.2', ok: true, skipped: true }],
}

describe('how the page names the user’s sign-in', () => {
  test.each([
    ['no ceremony', undefined, 'simulated passkey'],
    ['a verified ceremony with UV', verified(true), 'WebAuthn assertion → verified (UV)'],
    ['a verified ceremony without UV', verified(false), 'WebAuthn assertion → verified (UP only)'],
    ['a refused ceremony', refused, 'WebAuthn assertion → refused'],
    [
      'a ceremony accepted only because a check was skipped',
      vulnerable,
      'WebAuthn assertion → verified (UV) by a VULNERABLE IdP',
    ],
  ] as const)('labels %s', (_name, signIn, label) => {
    expect(signInLabel(signIn)).toBe(label)
  })

  test('a subject token minted without a verified ceremony rests on a simulated passkey', () => {
    expect(subjectSignInNote(undefined)).toMatch(/^simulated passkey: no WebAuthn ceremony ran/)
    expect(subjectSignInNote(verified(true))).toMatch(/^WebAuthn assertion → verified \(UV\): amr, acr/)
  })
})
