// The ceremony's result as the Run takes it: view state from the page, never part of the scenario.
import type { OAuthError } from '../../protocol/errors/oauth-error.ts'
import type { Reason } from '../../protocol/errors/reasons.ts'
import type { DecisionCheck } from '../../protocol/trace/decision.ts'
import type { AuthenticationClaims } from '../../protocol/webauthn/authentication-claims.ts'
import type { PasskeySignIn } from './passkey-idp.ts'

/** A real passkey sign-in the IdP decided on this page: verified (with its claims) or refused. */
export type SignInResult = (
  | { ok: true; claims: AuthenticationClaims; userVerified: boolean; checks: DecisionCheck[] }
  | { ok: false; error: OAuthError; checks: DecisionCheck[] }
) & {
  /** The defences the IdP ran without (the passkey cards' "Defence on" switches), by reason id. */
  defencesOff: Reason[]
}

/** The page's ceremony outcome, reduced to what the Run needs. */
export function signInResult(signIn: PasskeySignIn, defencesOff: Iterable<Reason> = []): SignInResult {
  const off = [...defencesOff]
  return signIn.ok
    ? {
        ok: true,
        claims: signIn.claims,
        userVerified: signIn.verified.userVerified,
        checks: signIn.checks,
        defencesOff: off,
      }
    : { ok: false, error: signIn.decision.error, checks: signIn.decision.checks, defencesOff: off }
}

/** True when the IdP accepted only because a check it skipped (defence off) would have refused. */
export const acceptedByVulnerableIdp = (signIn: SignInResult | undefined): boolean =>
  signIn?.ok === true && signIn.checks.some((check) => check.skipped)
