// The real ceremony on the visitor's device (lazy chunk): @simplewebauthn/browser in the page, the
// simulated IdP (with @simplewebauthn/server) in page memory. Nothing is stored; nothing leaves the page.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser'
import {
  createPasskeyIdp,
  type PasskeyIdp,
  type PasskeySignIn,
} from '../../core/playground/passkey/passkey-idp.ts'
import { runPasskeyAttack } from '../../core/playground/passkey/run-passkey-attack.ts'
import type { PasskeyAttackId } from '../../core/playground/passkey/passkey-attacks.ts'
import { signInResult, type SignInResult } from '../../core/playground/passkey/sign-in-result.ts'
import { ceremonyFailed } from '../../core/protocol/webauthn/ceremony-failed.ts'

/** What one click did: whether a passkey was created first, and the IdP's decision on the sign-in. */
export interface CeremonyOutcome {
  registered: boolean
  signIn: PasskeySignIn
  /** The same decision as the Run takes it. */
  result: SignInResult
}

// One IdP per page load: its public keys and challenges live here and die with the page.
let idp: PasskeyIdp | null = null
const currentIdp = () => (idp ??= createPasskeyIdp(window.location.origin))

const outcome = (registered: boolean, signIn: PasskeySignIn): CeremonyOutcome => ({
  registered,
  signIn,
  result: signInResult(signIn),
})

function refused(error: unknown): PasskeySignIn {
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  const decision = ceremonyFailed(name, message)
  if (decision.ok) throw new Error('unreachable')
  return { ok: false, decision }
}

/**
 * Signs the demo user in with a passkey. The first time on this page load, it creates one (the browser
 * replaces any passkey it already holds for this user on this site, because the user handle is stable),
 * then asks for an assertion from it, which the IdP verifies. An attack changes that assertion on its way.
 * @see W3C WebAuthn Level 3 §5.1.3, §5.1.4, §7.1, §7.2
 */
export async function signInWithPasskey(
  sub: string,
  deviceOnly: boolean,
  attack: PasskeyAttackId | null,
): Promise<CeremonyOutcome> {
  const rp = currentIdp()
  const registered = !rp.hasCredential()
  if (registered) {
    try {
      const response = await startRegistration({ optionsJSON: rp.registrationOptions(sub, deviceOnly) })
      const decision = await rp.finishRegistration(response, sub)
      if (!decision.ok) return outcome(registered, { ok: false, decision })
    } catch (error) {
      return outcome(registered, refused(error))
    }
  }
  try {
    const optionsJSON = rp.authenticationOptions()
    const credential = rp.credential()
    if (credential) optionsJSON.allowCredentials = [{ id: credential.id, type: 'public-key' }]
    const response = await startAuthentication({ optionsJSON })
    const now = Math.floor(Date.now() / 1000)
    const signIn = attack
      ? await runPasskeyAttack(rp, attack, response, now)
      : await rp.finishAuthentication(response, now)
    return outcome(registered, signIn)
  } catch (error) {
    return outcome(registered, refused(error))
  }
}
