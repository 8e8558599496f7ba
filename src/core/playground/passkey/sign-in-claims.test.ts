import { decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { softwareAuthenticator } from '../../protocol/webauthn/software-authenticator.fixture.ts'
import { editedScenario, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { sequenceRows } from '../sequence/sequence-rows.ts'
import { createPasskeyIdp } from './passkey-idp.ts'
import { signInResult } from './sign-in-result.ts'
import { signInAtIdp } from './sign-in-at-idp.ts'

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
    const run = await runScenario(editedScenario(), { keys: await testKeys(), signIn: signInResult(signIn) })
    expect(decodeJwt(run.tokens.subject!.encoded)).toMatchObject({
      amr: ['hwk', 'user', 'mfa'],
      acr: 'phrh',
      auth_time: 1_800_000_000,
      cred_hash: signIn.claims.cred_hash,
    })
    expect(run.tokens.delegated).not.toBeNull()
  })

  test('without a ceremony the subject token keeps the scenario amr and claims no acr', async () => {
    const run = await runScenario(editedScenario(), { keys: await testKeys() })
    const claims = decodeJwt(run.tokens.subject!.encoded)
    expect(claims.amr).toEqual(['hwk', 'user'])
    expect(claims.acr).toBeUndefined()
  })

  test('the first step is the sign-in: user → IdP, verified (UV), with the IdP’s checks', async () => {
    const idp = createPasskeyIdp('https://playground.example')
    const authenticator = await softwareAuthenticator(idp.rp.rpId, 'https://playground.example')
    await idp.finishRegistration(
      await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
      'u_marwan',
    )
    const signIn = await idp.finishAuthentication(
      await authenticator.assert(idp.authenticationOptions().challenge),
      1,
    )
    const run = await runScenario(editedScenario(), { keys: await testKeys(), signIn: signInResult(signIn) })
    expect(run.steps[0]).toMatchObject({
      from: 'user',
      to: 'idp',
      label: 'WebAuthn assertion → verified (UV)',
    })
    expect(run.steps[0]?.checks.every((check) => check.ok && check.by === 'idp')).toBe(true)
    expect(run.outcome.kind).toBe('accepted')
  })

  test('a refused ceremony stops the run at the sign-in step with its reason, and no token is minted', async () => {
    const idp = createPasskeyIdp('https://playground.example')
    const authenticator = await softwareAuthenticator(idp.rp.rpId, 'https://playground.example')
    await idp.finishRegistration(
      await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
      'u_marwan',
    )
    const assertion = await authenticator.assert(idp.authenticationOptions().challenge)
    await idp.finishAuthentication(assertion, 1)
    const replayed = await idp.finishAuthentication(assertion, 1)
    const run = await runScenario(editedScenario(), {
      keys: await testKeys(),
      signIn: signInResult(replayed),
    })
    expect(run.outcome).toMatchObject({
      kind: 'refused',
      step: 0,
      error: { reason: 'webauthn.challenge_reused' },
    })
    expect(run.steps).toHaveLength(1)
    expect(run.tokens.subject).toBeUndefined()
  })

  test('without a ceremony no sign-in step is added, and the subject token’s step says it is a simulated passkey', async () => {
    const run = await runScenario(editedScenario(), { keys: await testKeys() })
    expect(run.steps[0]).toMatchObject({
      from: 'idp',
      to: 'user',
      label: "Issue the user's subject token",
      note: "simulated passkey: no WebAuthn ceremony ran, amr is the scenario's",
    })
    expect(run.signIn).toBeUndefined()
    const [first] = sequenceRows(run)
    expect(first).toMatchObject({ summary: "IdP → user: Issue the user's subject token" })
    expect(first?.note).toMatch(/^simulated passkey/)
  })

  test('after a verified ceremony the subject token’s step says its claims come from the assertion', async () => {
    const idp = createPasskeyIdp('https://playground.example')
    const authenticator = await softwareAuthenticator(idp.rp.rpId, 'https://playground.example')
    await idp.finishRegistration(
      await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
      'u_marwan',
    )
    const signIn = signInResult(
      await idp.finishAuthentication(await authenticator.assert(idp.authenticationOptions().challenge), 1),
    )
    const run = await runScenario(editedScenario(), { keys: await testKeys(), signIn })
    expect(run.steps[1]).toMatchObject({
      label: "Issue the user's subject token",
      note: 'WebAuthn assertion → verified (UV): amr, acr and auth_time come from the ceremony',
    })
    expect(run.signIn).toBe(signIn)
  })

  test('an assertion a vulnerable IdP accepted (defence off) makes the sign-in step vulnerable, with the skipped check', async () => {
    const idp = createPasskeyIdp('https://playground.example')
    const authenticator = await softwareAuthenticator(idp.rp.rpId, 'https://playground.example')
    await idp.finishRegistration(
      await authenticator.register(idp.registrationOptions('u_marwan', false).challenge),
      'u_marwan',
    )
    const off = new Set(['webauthn.counter_regressed'] as const)
    const signIn = await signInAtIdp(
      idp,
      'counter-regressed',
      async (options) => authenticator.assert(options.challenge),
      1,
      off,
    )
    const run = await runScenario(editedScenario(), {
      keys: await testKeys(),
      signIn: signInResult(signIn, off),
    })
    expect(run.steps[0]).toMatchObject({
      label: 'WebAuthn assertion → verified (UV) by a VULNERABLE IdP',
      vulnerable: true,
    })
    expect(run.steps[0]?.checks.filter((check) => check.skipped)).toHaveLength(1)
    expect(run.outcome.kind).toBe('accepted')
    expect(run.signIn?.defencesOff).toEqual(['webauthn.counter_regressed'])
  })

  test('the cross-app flow, which takes no ceremony, labels its sign-in step a simulated passkey', async () => {
    const run = await runScenario(
      editedScenario((s) => void (s.flow = 'cross-app')),
      {
        keys: await testKeys(),
      },
    )
    expect(run.steps[0]?.note).toMatch(/^simulated passkey: this flow runs no WebAuthn ceremony/)
  })
})
