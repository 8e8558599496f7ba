import { decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { softwareAuthenticator } from '../../protocol/webauthn/software-authenticator.fixture.ts'
import { editedScenario, testKeys } from '../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { createPasskeyIdp } from './passkey-idp.ts'

describe('a run after a real passkey sign-in', () => {
  test('the subject token carries the amr, acr and auth_time of the verified ceremony', async () => {
    const idp = createPasskeyIdp('https://playground.example')
    const authenticator = await softwareAuthenticator(idp.rp.rpId, 'https://playground.example')
    await idp.finishRegistration(
      await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
      'u_marwan',
    )
    const signIn = await idp.finishAuthentication(
      await authenticator.assert(idp.authenticationOptions().challenge),
      1_800_000_000,
    )
    if (!signIn.ok) throw new Error(signIn.decision.error.reason)
    const run = await runScenario(editedScenario(), { keys: await testKeys(), signIn: signIn.claims })
    expect(decodeJwt(run.tokens.subject.encoded)).toMatchObject({
      amr: ['hwk', 'user', 'mfa'],
      acr: 'phrh',
      auth_time: 1_800_000_000,
      cred_hash: signIn.claims.cred_hash,
    })
    expect(run.tokens.delegated).not.toBeNull()
  })

  test('without a ceremony the subject token keeps the scenario amr and claims no acr', async () => {
    const run = await runScenario(editedScenario(), { keys: await testKeys() })
    const claims = decodeJwt(run.tokens.subject.encoded)
    expect(claims.amr).toEqual(['hwk', 'user'])
    expect(claims.acr).toBeUndefined()
  })
})
