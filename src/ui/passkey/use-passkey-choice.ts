// The scenario keeps only the choice "real passkey" or "simulated"; the ceremony's result is this page's.
import { useCallback, useState } from 'react'
import {
  type Scenario,
  type SignInChoice,
  signInForRun,
  type SignInResult,
} from '../../core/playground/index.ts'

export interface PasskeyChoice {
  /** What the Run takes: this page's ceremony result when the scenario asks for a real passkey. */
  signIn: SignInResult | undefined
  /** True when the scenario asks for a real passkey (a link may), whether or not one ran here yet. */
  realPasskey: boolean
  /** A ceremony's result (real passkey), or undefined to go back to the simulated sign-in. */
  onSignIn: (signIn: SignInResult | undefined) => void
}

/**
 * A permalink carries `signIn: "real-passkey"` and nothing of the ceremony (no key, no assertion, no
 * claims), so a link opened elsewhere runs the simulated sign-in and asks for a fresh ceremony.
 */
export function usePasskeyChoice(
  scenario: Scenario,
  setChoice: (choice: SignInChoice) => void,
): PasskeyChoice {
  const [result, setResult] = useState<SignInResult | undefined>(undefined)
  const realPasskey = scenario.signIn === 'real-passkey'
  const onSignIn = useCallback(
    (signIn: SignInResult | undefined) => {
      setResult(signIn)
      setChoice(signIn ? 'real-passkey' : 'simulated')
    },
    [setChoice],
  )
  return { signIn: signInForRun(scenario, result), realPasskey, onSignIn }
}
