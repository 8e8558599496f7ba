// Which sign-in a Run takes: the scenario holds the choice, the page holds the ceremony's result.
import type { Scenario } from '../scenario/scenario.ts'
import type { SignInResult } from './sign-in-result.ts'

/**
 * This page's ceremony result when the scenario asks for a real passkey, else none (the simulated
 * sign-in). A scenario that asks for one before any ceremony ran here (a link opened elsewhere) also
 * runs simulated: the page asks for a fresh ceremony, since a link never carries one.
 */
export const signInForRun = (
  scenario: Pick<Scenario, 'signIn'>,
  result: SignInResult | undefined,
): SignInResult | undefined => (scenario.signIn === 'real-passkey' ? result : undefined)
