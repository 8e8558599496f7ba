// The real ceremony on the visitor's device (lazy chunk): @simplewebauthn/browser in the page, the
// simulated IdP (with @simplewebauthn/server) in page memory. Nothing is stored; nothing leaves the page.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser'
import {
  createPasskeyIdp,
  type PasskeyAttackId,
  type PasskeyIdp,
  type PasskeySignIn,
  signInAtIdp,
  signInResult,
  type SignInResult,
} from '../../core/playground/index.ts'
import { ceremonyFailed, type DefencesOff } from '../../core/protocol/index.ts'

/** What one click did: whether a passkey was registered first, and the IdP's decision on the sign-in. */
export interface CeremonyOutcome {
  /** True when this page load held no public key, so the click registered the passkey (again) first. */
  registered: boolean
  /** True when the IdP holds the passkey's public key after this click (registration went through). */
  keyHeld: boolean
  signIn: PasskeySignIn
  /** The same decision as the Run takes it. */
  result: SignInResult
}

// One IdP per page load: its public keys and challenges live here and die with the page.
let idp: PasskeyIdp | null = null
const currentIdp = () => (idp ??= createPasskeyIdp(window.location.origin))

function refused(error: unknown): PasskeySignIn {
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  const decision = ceremonyFailed(name, message)
  if (decision.ok) throw new Error('unreachable')
  return { ok: false, decision }
}

/**
 * Signs the demo user in with a passkey. An assertion carries no public key, and this page load's IdP
 * holds none until it registers one: so the first click on a page load (the first visit, or any after a
 * reload) creates the passkey first. The browser replaces a passkey it already holds for this user on this
 * site, because the user handle is stable. Then it asks for an assertion from that passkey, which the IdP
 * verifies; an attack changes the ceremony around it, and `defencesOff` are the page's switches.
 * @see W3C WebAuthn Level 3 §5.1.3, §5.1.4, §6.3.2 step 7, §7.1, §7.2
 */
export async function signInWithPasskey(
  sub: string,
  deviceOnly: boolean,
  attack: PasskeyAttackId | null,
  defencesOff: DefencesOff,
): Promise<CeremonyOutcome> {
  const rp = currentIdp()
  const registered = !rp.hasCredential()
  const outcome = (signIn: PasskeySignIn): CeremonyOutcome => ({
    registered,
    keyHeld: rp.hasCredential(),
    signIn,
    result: signInResult(signIn, defencesOff),
  })
  if (registered) {
    try {
      const response = await startRegistration({ optionsJSON: rp.registrationOptions(sub, deviceOnly) })
      const decision = await rp.finishRegistration(response, sub)
      if (!decision.ok) return outcome({ ok: false, decision })
    } catch (error) {
      return outcome(refused(error))
    }
  }
  try {
    const now = Math.floor(Date.now() / 1000)
    const authenticate = (optionsJSON: Parameters<typeof startAuthentication>[0]['optionsJSON']) =>
      startAuthentication({ optionsJSON })
    return outcome(await signInAtIdp(rp, attack, authenticate, now, defencesOff))
  } catch (error) {
    return outcome(refused(error))
  }
}
