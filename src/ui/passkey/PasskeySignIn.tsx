// The user's sign-in: a real passkey ceremony on this device, or the simulated one where there is none.
import { useId, useState } from 'react'
import { PASSKEY_ATTACKS, type PasskeyAttackId } from '../../core/playground/passkey/passkey-attacks.ts'
import type { SignInResult } from '../../core/playground/passkey/sign-in-result.ts'
import { INPUT, LABEL } from '../controls/fields.tsx'
import type { CeremonyOutcome } from './run-ceremony.ts'
import { loadCeremony, webAuthnAvailable } from './load-ceremony.ts'
import { SignInStep } from './SignInStep.tsx'

interface PasskeySignInProps {
  /** The demo user the passkey is named after. */
  sub: string
  /** The IdP's decision on the ceremony feeds the Run; undefined is the simulated sign-in. */
  onSignIn: (signIn: SignInResult | undefined) => void
}

const BUTTON =
  'rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60'

export function PasskeySignIn({ sub, onSignIn }: PasskeySignInProps) {
  const [outcome, setOutcome] = useState<CeremonyOutcome | null>(null)
  const [busy, setBusy] = useState(false)
  const [deviceOnly, setDeviceOnly] = useState(false)
  const [attack, setAttack] = useState<PasskeyAttackId | ''>('')
  const [created, setCreated] = useState(false)
  const attackId = useId()
  const available = webAuthnAvailable()

  async function signIn() {
    setBusy(true)
    try {
      const { signInWithPasskey } = await loadCeremony()
      const result = await signInWithPasskey(sub, deviceOnly, attack || null)
      if (
        result.registered &&
        (result.signIn.ok || result.signIn.decision.error.reason !== 'webauthn.cancelled')
      )
        setCreated(true)
      setOutcome(result)
      onSignIn(result.result)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      aria-label="Passkey sign-in"
      className="mt-4 space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800"
    >
      <h2 className="text-sm font-semibold">User sign-in</h2>
      {!available ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Simulated passkey: this browser offers no WebAuthn here, so the subject token’s amr comes from the
          scenario and no ceremony runs.
        </p>
      ) : (
        <>
          {!created && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              The first time, this creates a passkey named “{sub}” and saves it in your password manager or
              security key. Its public key stays in this page’s memory only; after a reload, signing in saves
              it again, replacing the one for “{sub}”.
            </p>
          )}
          <label className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={deviceOnly}
              onChange={(event) => setDeviceOnly(event.target.checked)}
            />
            This device only (the browser’s built-in authenticator, not a phone or security key)
          </label>
          <div>
            <label htmlFor={attackId} className={LABEL}>
              Attack on the sign-in
            </label>
            <select
              id={attackId}
              className={INPUT}
              value={attack}
              onChange={(event) => setAttack(event.target.value as PasskeyAttackId | '')}
            >
              <option value="">None: an honest sign-in</option>
              {PASSKEY_ATTACKS.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={BUTTON} disabled={busy} onClick={() => void signIn()}>
              Sign in with a passkey
            </button>
            {outcome && (
              <button
                type="button"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
                onClick={() => {
                  setOutcome(null)
                  onSignIn(undefined)
                }}
              >
                Use the simulated sign-in
              </button>
            )}
          </div>
        </>
      )}
      <SignInStep
        outcome={outcome}
        attack={attack ? (PASSKEY_ATTACKS.find((a) => a.id === attack) ?? null) : null}
      />
    </section>
  )
}
