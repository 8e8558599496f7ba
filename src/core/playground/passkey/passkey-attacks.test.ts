import { describe, expect, test } from 'vitest'
import { softwareAuthenticator } from '../../protocol/webauthn/software-authenticator.fixture.ts'
import { PASSKEY_ATTACKS } from './passkey-attacks.ts'
import { createPasskeyIdp } from './passkey-idp.ts'
import { runPasskeyAttack } from './run-passkey-attack.ts'

const ORIGIN = 'https://playground.example'
const NOW = 1_800_000_000

async function signedUp() {
  const idp = createPasskeyIdp(ORIGIN)
  const authenticator = await softwareAuthenticator(idp.rp.rpId, ORIGIN)
  const registration = await idp.finishRegistration(
    await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
    'u_marwan',
  )
  expect(registration.ok).toBe(true)
  const assert = async () => authenticator.assert(idp.authenticationOptions().challenge)
  return { idp, assert }
}

describe('the passkey sign-in at the IdP', () => {
  test('an honest sign-in is verified with UV and mints amr/acr/auth_time from it', async () => {
    const { idp, assert } = await signedUp()
    const signIn = await idp.finishAuthentication(await assert(), NOW)
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
      const { idp, assert } = await signedUp()
      const signIn = await runPasskeyAttack(idp, attack.id, await assert(), NOW)
      expect(signIn.ok ? null : signIn.decision.error).toMatchObject({
        code: 'access_denied',
        reason: attack.reason,
      })
    },
  )
})
