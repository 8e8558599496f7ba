// What a flow is: a function from a Scenario (plus keys and clocks) to the parties and steps of a Run.
import type { Clock } from '../../protocol/clock.ts'
import type { OAuthError } from '../../protocol/errors/oauth-error.ts'
import type { KeyRing } from '../../protocol/keys/key-ring.ts'
import type { TokenView } from '../../protocol/tokens/token-view.ts'
import type { ClaimSource, FlowId, Party, Run, Step } from '../run.ts'
import type { Scenario } from '../scenario/scenario.ts'
import type { SignInResult } from '../passkey/sign-in-result.ts'

export interface FlowContext {
  scenario: Scenario
  keys: KeyRing
  /** The real clock: input tokens are minted at this time. */
  realClock: Clock
  /** The real clock plus the scenario's offset: servers and the agent's requests run at this time. */
  clock: Clock
  jwks: Run['jwks']
  /** A real passkey ceremony the IdP decided on the page; absent, the sign-in is simulated. */
  signIn?: SignInResult
}

/** What a flow hands back; `runScenario` adds the scenario, the time and the outcome. */
export interface FlowResult {
  parties: Party[]
  steps: Step[]
  tokens: Record<string, TokenView>
  provenance: Record<string, ClaimSource>
  /** Set when the flow stopped before anything reached a server, with why. */
  notSent?: OAuthError
}

export interface Flow {
  id: FlowId
  /** The name the "Flow" control shows. */
  label: string
  run(context: FlowContext): Promise<FlowResult>
}
