// The ceremony's result as the Run takes it: view state from the page, never part of the scenario.
import type { OAuthError } from '../../protocol/errors/oauth-error.ts'
import type { DecisionCheck } from '../../protocol/trace/decision.ts'
import type { AuthenticationClaims } from '../../protocol/webauthn/authentication-claims.ts'
import type { PasskeySignIn } from './passkey-idp.ts'

/** A real passkey sign-in the IdP decided on this page: verified (with its claims) or refused. */
export type SignInResult =
  | { ok: true; claims: AuthenticationClaims; userVerified: boolean; checks: DecisionCheck[] }
  | { ok: false; error: OAuthError; checks: DecisionCheck[] }

/** The page's ceremony outcome, reduced to what the Run needs. */
export function signInResult(signIn: PasskeySignIn): SignInResult {
  return signIn.ok
    ? { ok: true, claims: signIn.claims, userVerified: signIn.verified.userVerified, checks: signIn.checks }
    : { ok: false, error: signIn.decision.error, checks: signIn.decision.checks }
}
