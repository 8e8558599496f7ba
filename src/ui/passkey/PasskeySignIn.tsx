// The user's sign-in: a real passkey ceremony on this device, or the simulated one where there is none.
import { findPasskeyAttack, type SignInResult } from '../../core/playground/index.ts'
import { backToSimulated, runCeremony, setDeviceOnly, useCeremony } from './ceremony-store.ts'
import { webAuthnAvailable } from './load-ceremony.ts'
import { SignInStep } from './SignInStep.tsx'

interface PasskeySignInProps {
  /** The demo user the passkey is named after. */
  sub: string
  /** The scenario asks for a real passkey (a link may): without a ceremony on this page, ask for one. */
  realPasskey: boolean
  /** The IdP's decision on the ceremony feeds the Run; undefined is the simulated sign-in. */
  onSignIn: (signIn: SignInResult | undefined) => void
}

export const PASSKEY_BUTTON =
  'rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60'

export function PasskeySignIn({ sub, realPasskey, onSignIn }: PasskeySignInProps) {
  const ceremony = useCeremony()
  const available = webAuthnAvailable()
  const { busy, created, loadFailed, deviceOnly } = ceremony
  // The scenario's choice decides: a ceremony that ran before "simulated" was chosen again is not shown.
  const outcome = realPasskey ? ceremony.outcome : null

  return (
    <section
      aria-label="Passkey sign-in"
      className="mt-4 space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800"
    >
      <h2 className="text-sm font-semibold">User sign-in</h2>
      {realPasskey && !outcome && (
        <p
          role="note"
          aria-label="Fresh ceremony needed"
          className="text-xs font-medium text-amber-800 dark:text-amber-200"
        >
          This scenario asks for a real passkey sign-in. A link carries only that choice, never a ceremony or
          a key,{' '}
          {available
            ? 'so sign in with a passkey on this device; until then the run uses the simulated passkey.'
            : 'and this browser offers no WebAuthn here, so the run uses the simulated passkey.'}
        </p>
      )}
      {!available ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Simulated passkey: this browser offers no WebAuthn here, so the subject token’s amr comes from the
          scenario and no ceremony runs.
        </p>
      ) : (
        <>
          {!created && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              The first time on this page load, this creates a passkey named “{sub}” and saves it in your
              password manager or security key. Its public key stays in this page’s memory only; after a
              reload, signing in creates it again, replacing the one for “{sub}”.
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
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={PASSKEY_BUTTON}
              disabled={busy}
              onClick={() => void runCeremony(sub, null, onSignIn)}
            >
              Sign in with a passkey
            </button>
            {outcome && (
              <button
                type="button"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
                onClick={() => backToSimulated(onSignIn)}
              >
                Use the simulated sign-in
              </button>
            )}
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The attacks on the sign-in are cards in the attack gallery.
          </p>
          {loadFailed && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-300">
              The passkey code isn’t available offline yet: it is downloaded the first time you sign in with a
              passkey, and kept for offline use from then on. Connect and try again.
            </p>
          )}
        </>
      )}
      <SignInStep
        sub={sub}
        outcome={outcome}
        attack={ceremony.attack ? (findPasskeyAttack(ceremony.attack) ?? null) : null}
      />
    </section>
  )
}
