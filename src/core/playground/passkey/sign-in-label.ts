// How the page names the user's sign-in: a simulated passkey, or the real ceremony and what the IdP decided.
import { acceptedByVulnerableIdp, type SignInResult } from './sign-in-result.ts'

/** Said wherever no ceremony ran, so nobody mistakes the scenario's `amr` for a verified passkey. */
export const SIMULATED_PASSKEY = 'simulated passkey'

/**
 * "simulated passkey" without a ceremony; with one, the IdP's decision on the assertion, as the sign-in
 * step is labelled: "WebAuthn assertion → verified (UV)", "… → verified (UP only)", "… → refused".
 * An IdP that accepted only because a defence was switched off says so.
 * @see W3C WebAuthn Level 3 §7.2, §6.1 (UP and UV flags)
 */
export function signInLabel(signIn: SignInResult | undefined): string {
  if (!signIn) return SIMULATED_PASSKEY
  if (!signIn.ok) return 'WebAuthn assertion → refused'
  const verified = `WebAuthn assertion → verified (${signIn.userVerified ? 'UV' : 'UP only'})`
  return acceptedByVulnerableIdp(signIn) ? `${verified} by a VULNERABLE IdP` : verified
}

/**
 * What the subject token's sign-in rests on, for the step that issues it and for its claims view: the
 * scenario's `amr` (simulated) or the claims the IdP minted from a verified ceremony.
 */
export function subjectSignInNote(signIn: SignInResult | undefined): string {
  if (!signIn?.ok) return `${SIMULATED_PASSKEY}: no WebAuthn ceremony ran, amr is the scenario's`
  return `${signInLabel(signIn)}: amr, acr and auth_time come from the ceremony`
}
