import { describe, expect, test } from 'vitest'
import { NOW, registeredPasskey, USER_HANDLE } from './passkey-ceremony.fixture.ts'
import { decideAssertion } from './verify-assertion.ts'

describe('decideAssertion', () => {
  test('accepts a fresh assertion from the registered passkey and reports UP, UV and the counter', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const decision = await decideAssertion(await authenticator.assert(challenges.issue()), ctx)
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    expect(decision.value).toMatchObject({
      credentialId: authenticator.id,
      userHandle: USER_HANDLE,
      userPresent: true,
      userVerified: true,
      counter: 1,
      deviceType: 'singleDevice',
      authTime: NOW,
    })
    expect(decision.checks.every((check) => check.ok)).toBe(true)
    expect(decision.checks.map((check) => check.label)).toContain(
      'the signature over authenticatorData and the clientDataJSON hash verifies',
    )
  })

  test('moves the stored counter forward, so the next assertion must count higher', async () => {
    const { ctx, challenges, authenticator, credentials } = await registeredPasskey()
    await decideAssertion(await authenticator.assert(challenges.issue()), ctx)
    expect(credentials.get(authenticator.id)?.counter).toBe(1)
  })

  test.each([
    ['an assertion made on another origin', { origin: 'https://evil.example' }, 'webauthn.origin_mismatch'],
    ['an assertion scoped to another RP ID', { rpId: 'evil.example' }, 'webauthn.rp_id_mismatch'],
    ['an assertion without user verification', { userVerified: false }, 'webauthn.user_not_verified'],
    ['an assertion without user presence', { userPresent: false }, 'webauthn.user_not_present'],
  ] as const)('refuses %s', async (_name, behaviour, reason) => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const decision = await decideAssertion(await authenticator.assert(challenges.issue(), behaviour), ctx)
    expect(decision.ok).toBe(false)
    if (decision.ok) return
    expect(decision.error).toMatchObject({ code: 'access_denied', reason })
    expect(decision.checks.at(-1)).toMatchObject({ ok: false, reason })
  })

  test('refuses a replayed assertion: its challenge was already used', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue())
    expect((await decideAssertion(assertion, ctx)).ok).toBe(true)
    const replay = await decideAssertion(assertion, ctx)
    expect(replay.ok ? null : replay.error).toMatchObject({
      code: 'access_denied',
      reason: 'webauthn.challenge_reused',
    })
  })

  test('refuses a challenge this IdP never issued', async () => {
    const { ctx, authenticator } = await registeredPasskey()
    const decision = await decideAssertion(await authenticator.assert('bm90LWlzc3VlZA'), ctx)
    expect(decision.ok ? null : decision.error.reason).toBe('webauthn.challenge_unknown')
  })

  test('refuses a signature counter that went backwards: a cloned authenticator', async () => {
    const { ctx, challenges, authenticator, credentials } = await registeredPasskey()
    credentials.setCounter(authenticator.id, 41)
    authenticator.setCounter(6)
    const decision = await decideAssertion(await authenticator.assert(challenges.issue()), ctx)
    expect(decision.ok ? null : decision.error).toMatchObject({
      code: 'access_denied',
      reason: 'webauthn.counter_regressed',
    })
  })

  test('accepts an authenticator that keeps no counter (always 0)', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    authenticator.setCounter(-1)
    const decision = await decideAssertion(await authenticator.assert(challenges.issue()), ctx)
    expect(decision.ok).toBe(true)
  })

  test('refuses an assertion whose signature does not verify (the library checks it)', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue())
    const other = await authenticator.assert(challenges.issue())
    const forged = { ...assertion, response: { ...assertion.response, signature: other.response.signature } }
    const decision = await decideAssertion(forged, ctx)
    expect(decision.ok ? null : decision.error.reason).toBe('webauthn.bad_signature')
  })

  test('refuses a credential it holds no public key for, as after a reload', async () => {
    const { ctx, challenges } = await registeredPasskey()
    const stranger = await registeredPasskey()
    const decision = await decideAssertion(await stranger.authenticator.assert(challenges.issue()), ctx)
    expect(decision.ok ? null : decision.error.reason).toBe('webauthn.unknown_credential')
  })

  test('accepts an assertion without UV when policy does not require it', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const relaxed = { ...ctx, rp: { ...ctx.rp, requireUserVerification: false } }
    const decision = await decideAssertion(
      await authenticator.assert(challenges.issue(), { userVerified: false }),
      relaxed,
    )
    expect(decision.ok && decision.value.userVerified).toBe(false)
  })

  test('with the origin defence off, a signed assertion from another origin is accepted and the check recorded as skipped', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue(), { origin: 'https://evil.example' })
    const decision = await decideAssertion(assertion, {
      ...ctx,
      defencesOff: new Set(['webauthn.origin_mismatch'] as const),
    })
    expect(decision.ok).toBe(true)
    expect(decision.checks.filter((check) => check.skipped)).toEqual([
      expect.objectContaining({
        label: 'clientDataJSON "origin" is https://playground.example',
        detail: expect.stringContaining('would have refused (webauthn.origin_mismatch)'),
      }),
    ])
  })

  test('with a defence off the library still checks the signature', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue(), { origin: 'https://evil.example' })
    const other = await authenticator.assert(challenges.issue(), { origin: 'https://evil.example' })
    const forged = { ...assertion, response: { ...assertion.response, signature: other.response.signature } }
    const decision = await decideAssertion(forged, {
      ...ctx,
      defencesOff: new Set(['webauthn.origin_mismatch'] as const),
    })
    expect(decision.ok ? null : decision.error.reason).toBe('webauthn.bad_signature')
  })
})
