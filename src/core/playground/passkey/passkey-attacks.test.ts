import { describe, expect, test } from 'vitest'
import type { Reason } from '../../protocol/errors/reasons.ts'
import { softwareAuthenticator } from '../../protocol/webauthn/software-authenticator.fixture.ts'
import { PASSKEY_ATTACKS } from './passkey-attacks.ts'
import { createPasskeyIdp } from './passkey-idp.ts'
import { signInAtIdp, type Authenticate } from './sign-in-at-idp.ts'

const ORIGIN = 'https://playground.example'
const NOW = 1_800_000_000

/** A registered passkey; `counts: false` is an authenticator that always reports 0, as synced ones do. */
async function signedUp({ counts = true } = {}) {
  const idp = createPasskeyIdp(ORIGIN)
  const authenticator = await softwareAuthenticator(idp.rp.rpId, ORIGIN)
  const registration = await idp.finishRegistration(
    await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
    'u_marwan',
  )
  expect(registration.ok).toBe(true)
  // A software authenticator that does what the options ask: no UV when "discouraged".
  const authenticate: Authenticate = async (options) => {
    if (!counts) authenticator.setCounter(-1)
    return authenticator.assert(options.challenge, {
      userVerified: options.userVerification !== 'discouraged',
    })
  }
  return { idp, authenticate }
}

const off = (reason: Reason) => new Set<Reason>([reason])

describe('the passkey sign-in at the IdP', () => {
  test('an honest sign-in is verified with UV and mints amr/acr/auth_time from it', async () => {
    const { idp, authenticate } = await signedUp()
    const signIn = await signInAtIdp(idp, null, authenticate, NOW)
    expect(signIn.ok && signIn.claims).toMatchObject({
      amr: ['hwk', 'user', 'mfa'],
      acr: 'phrh',
      auth_time: NOW,
    })
  })

  test('the registration options ask for a discoverable passkey with UV, on this device when asked', () => {
    const idp = createPasskeyIdp(ORIGIN)
    const options = idp.registrationOptions('u_marwan', true)
    expect(options.user).toEqual({ id: 'dV9tYXJ3YW4', name: 'u_marwan', displayName: 'u_marwan' })
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
      authenticatorAttachment: 'platform',
    })
    expect(options.hints).toEqual(['client-device'])
    expect(
      idp.registrationOptions('u_marwan', false).authenticatorSelection?.authenticatorAttachment,
    ).toBeUndefined()
  })

  test.each(PASSKEY_ATTACKS.map((attack) => [attack.name, attack] as const))(
    'refuses the attack "%s" with its reason',
    async (_name, attack) => {
      const { idp, authenticate } = await signedUp()
      const signIn = await signInAtIdp(idp, attack.id, authenticate, NOW)
      expect(signIn.ok ? null : signIn.decision.error).toMatchObject({
        code: 'access_denied',
        reason: attack.reason,
      })
      expect(signIn.ok ? [] : signIn.decision.checks.filter((check) => check.skipped)).toEqual([])
    },
  )

  test.each(
    PASSKEY_ATTACKS.filter((attack) => attack.id !== 'replayed-assertion').map(
      (attack) => [attack.name, attack] as const,
    ),
  )(
    'with its defence off, the IdP accepts "%s" and records the check as skipped; the signature still verifies',
    async (_name, attack) => {
      const { idp, authenticate } = await signedUp()
      const signIn = await signInAtIdp(idp, attack.id, authenticate, NOW, off(attack.reason))
      expect(signIn.ok).toBe(true)
      if (!signIn.ok) return
      const skipped = signIn.checks.filter((check) => check.skipped)
      expect(skipped).toHaveLength(1)
      expect(skipped[0]?.detail).toContain(`would have refused (${attack.reason})`)
      expect(signIn.checks.at(-1)).toMatchObject({
        label: 'the signature over authenticatorData and the clientDataJSON hash verifies',
        ok: true,
      })
    },
  )

  test('without UV and its defence off, the IdP signs in a touch: amr has user but not mfa', async () => {
    const { idp, authenticate } = await signedUp()
    const signIn = await signInAtIdp(idp, 'uv-missing', authenticate, NOW, off('webauthn.user_not_verified'))
    expect(signIn.ok && signIn.claims).toMatchObject({ amr: ['hwk', 'user'], acr: 'phr' })
  })

  test('a replay with its defence off is still caught by the counter of an authenticator that counts', async () => {
    const { idp, authenticate } = await signedUp()
    const signIn = await signInAtIdp(
      idp,
      'replayed-assertion',
      authenticate,
      NOW,
      off('webauthn.challenge_reused'),
    )
    expect(signIn.ok ? null : signIn.decision.error.reason).toBe('webauthn.counter_regressed')
    expect(signIn.ok ? [] : signIn.decision.checks.filter((check) => check.skipped)).toHaveLength(1)
  })

  test('a replay with its defence off is accepted from a passkey that always reports 0, as synced ones do', async () => {
    const { idp, authenticate } = await signedUp({ counts: false })
    const signIn = await signInAtIdp(
      idp,
      'replayed-assertion',
      authenticate,
      NOW,
      off('webauthn.challenge_reused'),
    )
    expect(signIn.ok).toBe(true)
  })

  test('switching one defence off leaves the others on', async () => {
    const { idp, authenticate } = await signedUp()
    const signIn = await signInAtIdp(idp, 'other-origin', authenticate, NOW, off('webauthn.rp_id_mismatch'))
    expect(signIn.ok ? null : signIn.decision.error.reason).toBe('webauthn.origin_mismatch')
  })
})
