// The user's sign-in as the first step of a Run: user → IdP, a real WebAuthn assertion or a simulated passkey.
import type { Check } from '../../protocol/trace/check-log.ts'
import type { AuthenticationClaims } from '../../protocol/webauthn/authentication-claims.ts'
import type { LocalStep } from '../run.ts'
import type { StepRecorder } from '../flows/step-recorder.ts'
import { signInLabel } from './sign-in-label.ts'
import type { SignInResult } from './sign-in-result.ts'

/**
 * Records the sign-in step of a real ceremony. A verified one gives the claims the subject token is minted
 * with; a refused one stops the Run here, with the IdP's reason. Without a ceremony no step is added (the
 * seed's steps stay as they are) and the scenario's `amr` stands: the page labels it a simulated passkey.
 * @see W3C WebAuthn Level 3 §7.2, RFC 8176 §2
 */
export function recordSignIn(
  steps: StepRecorder,
  from: string,
  to: string,
  signIn: SignInResult | undefined,
): { ok: true; claims?: AuthenticationClaims } | { ok: false } {
  if (!signIn) return { ok: true }
  const checks: Check[] = signIn.checks.map((check) => ({
    by: 'idp',
    label: check.label,
    spec: check.spec,
    ok: check.ok,
    ...(check.detail === undefined ? {} : { detail: check.detail }),
    ...(check.skipped ? { skipped: check.skipped } : {}),
  }))
  // A check skipped with its defence off made this a vulnerable IdP's decision (as step-recorder.ts marks it).
  const vulnerable = checks.some((check) => check.skipped)
  const step: LocalStep = {
    index: steps.steps.length,
    kind: 'local',
    from,
    to,
    label: signInLabel(signIn),
    decision: signIn.ok ? { accepted: true } : { accepted: false, error: signIn.error },
    checks,
    audit: [],
    ...(vulnerable ? { vulnerable } : {}),
  }
  steps.steps.push(step)
  return signIn.ok ? { ok: true, claims: signIn.claims } : { ok: false }
}
