// The sign-in as a step of the run: user → IdP, what travelled, the IdP's decision and its checks.
import type { PasskeyAttack } from '../../core/playground/passkey/passkey-attacks.ts'
import { SIMULATED_PASSKEY, signInLabel } from '../../core/playground/passkey/sign-in-label.ts'
import type { CeremonyOutcome } from './run-ceremony.ts'

const time = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

export function SignInStep({
  outcome,
  attack,
}: {
  outcome: CeremonyOutcome | null
  attack: PasskeyAttack | null
}) {
  if (!outcome)
    return (
      <ol aria-label="Sign-in step" className="text-xs">
        <li>user → IdP: {SIMULATED_PASSKEY} (no ceremony ran; amr from the scenario)</li>
      </ol>
    )
  const { signIn, registered } = outcome
  const checks = signIn.ok ? signIn.checks : signIn.decision.checks
  return (
    <div className="space-y-2 text-xs" role="status">
      <ol aria-label="Sign-in step">
        <li>
          user → IdP: {signInLabel(outcome.result)}
          {!signIn.ok && `: ${signIn.decision.error.code} (${signIn.decision.error.reason})`}
        </li>
      </ol>
      {registered && signIn.ok && (
        <p>A passkey was created for this page load; the IdP keeps its public key in memory only.</p>
      )}
      {!signIn.ok && (
        <p className="text-red-700 dark:text-red-400">
          Refused at the sign-in step: {signIn.decision.error.explanation}
          {attack ? ` Defence: ${attack.defence}` : ''} The IdP minted no subject token from it; the run uses
          the simulated sign-in.
        </p>
      )}
      <ul aria-label="Sign-in checks" className="space-y-0.5">
        {checks.map((check, index) => (
          <li key={index}>
            {check.ok ? '✓' : '✗'} {check.label}
            {check.detail ? `: ${check.detail}` : ''} <span className="text-slate-500">({check.spec})</span>
          </li>
        ))}
      </ul>
      {signIn.ok && (
        <dl aria-label="Sign-in claims" className="grid grid-cols-[auto_1fr] gap-x-2">
          <dt>amr</dt>
          <dd>{JSON.stringify(signIn.claims.amr)}</dd>
          <dt>acr</dt>
          <dd>{signIn.claims.acr}</dd>
          <dt>auth_time</dt>
          <dd>{time(signIn.claims.auth_time)}</dd>
        </dl>
      )}
    </div>
  )
}
