// The simulated IdP's passkey sign-in for the demo user: options out, responses in, all in page memory.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import {
  authenticationClaims,
  authenticationOptions,
  createChallengeBook,
  createCredentialBook,
  decideAssertion,
  decideRegistration,
  registrationOptions,
  relyingPartyFor,
  type AuthenticationClaims,
  type RelyingParty,
  type StoredCredential,
  type VerifiedAssertion,
} from '../../protocol/webauthn/index.ts'
import type { Decision } from '../../protocol/trace/decision.ts'
import type { DefencesOff } from '../../protocol/trace/defence-switch.ts'

/** A sign-in the IdP decided: the checks, and on success the claims the subject token carries. */
export type PasskeySignIn =
  | { ok: true; verified: VerifiedAssertion; claims: AuthenticationClaims; checks: Decision<never>['checks'] }
  | { ok: false; decision: Extract<Decision<never>, { ok: false }> }

/** The user handle for a demo user: stable, so a new passkey for the same user replaces the old one. */
export const userHandleFor = (sub: string) => isoBase64URL.fromUTF8String(sub)

/**
 * One IdP per page load. Its credentials and challenges are never stored: a reload forgets them.
 * @see W3C WebAuthn Level 3 §7.1, §7.2
 */
export function createPasskeyIdp(origin: string) {
  const rp: RelyingParty = relyingPartyFor(origin)
  const challenges = createChallengeBook()
  const credentials = createCredentialBook()
  let lastCredential: string | null = null

  return {
    rp,
    /** True once this page load registered a passkey. */
    hasCredential: () => lastCredential !== null,
    credential: (): StoredCredential | undefined =>
      lastCredential ? credentials.get(lastCredential) : undefined,
    registrationOptions: (sub: string, deviceOnly: boolean) =>
      registrationOptions(
        rp,
        challenges.issue(),
        { id: userHandleFor(sub), name: sub, displayName: sub },
        deviceOnly,
      ),
    async finishRegistration(response: RegistrationResponseJSON, sub: string) {
      const decision = await decideRegistration(response, { rp, challenges, userHandle: userHandleFor(sub) })
      if (decision.ok) {
        credentials.put(decision.value)
        lastCredential = decision.value.id
      }
      return decision
    },
    /** Request options naming the passkey this page load registered, if any (else any discoverable one). */
    authenticationOptions: () =>
      authenticationOptions(rp, challenges.issue(), lastCredential ? [lastCredential] : []),
    /** For the cloned-authenticator attack: the IdP has already seen this credential count higher. */
    raiseCounter(id: string, counter: number) {
      credentials.setCounter(id, counter)
    },
    /**
     * Decides an assertion. `as.rp` checks it as another relying party (the attacks on origin and RP ID);
     * `as.defencesOff` are the page's "Defence on" switches that are off.
     */
    async finishAuthentication(
      response: AuthenticationResponseJSON,
      nowSeconds: number,
      as: { rp?: RelyingParty; defencesOff?: DefencesOff } = {},
    ): Promise<PasskeySignIn> {
      const decision = await decideAssertion(response, {
        rp: as.rp ?? rp,
        challenges,
        credentials,
        now: nowSeconds,
        ...(as.defencesOff ? { defencesOff: as.defencesOff } : {}),
      })
      if (!decision.ok) return { ok: false, decision }
      return {
        ok: true,
        verified: decision.value,
        claims: await authenticationClaims(decision.value),
        checks: decision.checks,
      }
    },
  }
}

export type PasskeyIdp = ReturnType<typeof createPasskeyIdp>
