// The sign-in as a step of the run: user → IdP, what travelled, the IdP's decision and its checks.
import { type PasskeyAttack, signInLabel, SIMULATED_PASSKEY } from '../../core/playground/index.ts'
import type { CeremonyOutcome } from './run-ceremony.ts'

const time = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

export function SignInStep({
  sub,
  outcome,
  attack,
}: {
  sub: string
  outcome: CeremonyOutcome | null
  attack: PasskeyAttack | null
}) {
  if (!outcome)
    return (
      <ol aria-label="Sign-in step" className="text-xs">
        <li>user → IdP: {SIMULATED_PASSKEY} (no ceremony ran; amr from the scenario)</li>
      </ol>
    )
  const { signIn, registered, keyHeld, result } = outcome
  const checks = signIn.ok ? signIn.checks : signIn.decision.checks
  return (
    <div className="space-y-2 text-xs" role="status">
      <ol aria-label="Sign-in step">
        <li>
          user → IdP: {signInLabel(result)}
          {!signIn.ok && `: ${signIn.decision.error.code} (${signIn.decision.error.reason})`}
        </li>
      </ol>
      {registered && keyHeld && (
        <p aria-label="Why the passkey was registered">
          Registered first: this page load held no public key for your passkey. An assertion carries a
          signature, the credential id and the user handle, never the public key, and the IdP keeps public
          keys in page memory only: a reload forgets them. So this sign-in first created a passkey for “{sub}”
          (after a reload, again: your browser or security key replaces the one it holds for “{sub}” on this
          site, because the user handle is the same), the IdP kept its public key in memory, and then it
          checked an assertion from it.
        </p>
      )}
      {!signIn.ok && (
        <p className="text-red-700 dark:text-red-400">
          Refused at the sign-in step: {signIn.decision.error.explanation}
          {attack ? ` Defence: ${attack.defence}` : ''} The IdP minted no subject token from it; the run stops
          here.
        </p>
      )}
      {signIn.ok && attack && result.defencesOff.includes(attack.reason) && (
        <p className="font-medium text-red-700 dark:text-red-400">
          VULNERABLE IdP (defence off: {attack.reason}): {attack.whenOff}
        </p>
      )}
      <ul aria-label="Sign-in checks" className="space-y-0.5">
        {checks.map((check, index) => (
          <li key={index}>
            {check.skipped ? '!' : check.ok ? '✓' : '✗'} {check.label}
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
