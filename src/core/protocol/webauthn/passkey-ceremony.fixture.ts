// TEST ONLY: an IdP relying party with one software passkey registered, for the ceremony tests.
import { createChallengeBook } from './challenge-book.ts'
import { createCredentialBook } from './credential-book.ts'
import { relyingPartyFor } from './relying-party.ts'
import { softwareAuthenticator, type AuthenticatorBehaviour } from './software-authenticator.fixture.ts'
import { decideRegistration } from './verify-registration.ts'

export const ORIGIN = 'https://playground.example'
export const USER_HANDLE = 'dV9tYXJ3YW4'
export const NOW = 1_800_000_000

export async function registeredPasskey(behaviour: AuthenticatorBehaviour = {}) {
  const rp = relyingPartyFor(ORIGIN)
  const challenges = createChallengeBook()
  const credentials = createCredentialBook()
  const authenticator = await softwareAuthenticator(rp.rpId, ORIGIN)
  const registration = await decideRegistration(await authenticator.register(challenges.issue(), behaviour), {
    rp,
    challenges,
    userHandle: USER_HANDLE,
  })
  if (!registration.ok) throw new Error(`fixture registration refused: ${registration.error.reason}`)
  credentials.put(registration.value)
  return { rp, challenges, credentials, authenticator, ctx: { rp, challenges, credentials, now: NOW } }
}
