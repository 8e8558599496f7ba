import { describe, expect, test } from 'vitest'
import { createChallengeBook } from './challenge-book.ts'
import { relyingPartyFor } from './relying-party.ts'
import { softwareAuthenticator } from './software-authenticator.fixture.ts'
import { decideRegistration } from './verify-registration.ts'

const ORIGIN = 'https://playground.example'

describe('decideRegistration', () => {
  test('keeps the new credential public key for the user it was created for', async () => {
    const rp = relyingPartyFor(ORIGIN)
    const challenges = createChallengeBook()
    const authenticator = await softwareAuthenticator(rp.rpId, ORIGIN)
    const decision = await decideRegistration(await authenticator.register(challenges.issue()), {
      rp,
      challenges,
      userHandle: 'dQ',
    })
    expect(decision.ok && decision.value).toMatchObject({
      id: authenticator.id,
      userHandle: 'dQ',
      counter: 0,
    })
    expect(decision.ok && decision.value.publicKey.length).toBeGreaterThan(32)
  })

  test.each([
    ['on another origin', { origin: 'https://evil.example' }, 'webauthn.origin_mismatch'],
    ['for another RP ID', { rpId: 'evil.example' }, 'webauthn.rp_id_mismatch'],
    ['without user verification', { userVerified: false }, 'webauthn.user_not_verified'],
  ] as const)('refuses a passkey created %s', async (_name, behaviour, reason) => {
    const rp = relyingPartyFor(ORIGIN)
    const challenges = createChallengeBook()
    const authenticator = await softwareAuthenticator(rp.rpId, ORIGIN)
    const decision = await decideRegistration(await authenticator.register(challenges.issue(), behaviour), {
      rp,
      challenges,
      userHandle: 'dQ',
    })
    expect(decision.ok ? null : decision.error).toMatchObject({ code: 'access_denied', reason })
  })

  test('refuses a registration response sent twice', async () => {
    const rp = relyingPartyFor(ORIGIN)
    const challenges = createChallengeBook()
    const response = await (await softwareAuthenticator(rp.rpId, ORIGIN)).register(challenges.issue())
    expect((await decideRegistration(response, { rp, challenges, userHandle: 'dQ' })).ok).toBe(true)
    const again = await decideRegistration(response, { rp, challenges, userHandle: 'dQ' })
    expect(again.ok ? null : again.error.reason).toBe('webauthn.challenge_reused')
  })
})
