// Scenario → Run: the one entry point. Picks the scenario's flow from the registry and runs it.
import type { JWK } from 'jose'
import { offsetClock, systemClock, type Clock } from '../protocol/clock.ts'
import { publicJwks, type KeyRing } from '../protocol/keys/key-ring.ts'
import { FLOWS } from './flows/registry.ts'
import { runOutcome } from './flows/run-outcome.ts'
import type { Run } from './run.ts'
import type { Scenario } from './scenario/scenario.ts'
import type { SignInResult } from './passkey/sign-in-result.ts'

export interface RunDependencies {
  keys: KeyRing
  /** The real clock; the scenario's offset is applied on top. Defaults to the system clock. */
  clock?: Clock
  /** A real passkey sign-in the IdP decided on this page (view state, never in the scenario). */
  signIn?: SignInResult
}

type RingJwks = Run['jwks']
const jwksByRing = new WeakMap<KeyRing, RingJwks>()

/**
 * The same frozen JWKS objects for every Run of a key ring, so that a verifier may keep the keys it
 * imported from a JWKS for as long as it sees that very object (a per-object cache, as jose keeps
 * inside each `createLocalJWKSet`), instead of importing them again on every Run.
 */
function ringJwks(keys: KeyRing): RingJwks {
  let jwks = jwksByRing.get(keys)
  if (!jwks) {
    const frozen = (set: { keys: JWK[] }) => Object.freeze({ keys: Object.freeze(set.keys) as JWK[] })
    jwks = { idp: frozen(publicJwks(keys.idp)), workload: frozen(publicJwks(keys.workload)) }
    jwksByRing.set(keys, jwks)
  }
  return jwks
}

/**
 * Runs a scenario end to end through its flow. Refusals are data in the Run; only bugs throw.
 * The input tokens are minted at the real time; the servers and the agent's requests run at the
 * real time plus the clock offset, so moving the offset forward makes the tokens age.
 */
export async function runScenario(scenario: Scenario, deps: RunDependencies): Promise<Run> {
  const realClock = deps.clock ?? systemClock
  const clock = offsetClock(realClock, scenario.clockOffset)
  const jwks = ringJwks(deps.keys)
  const flow = FLOWS[scenario.flow]
  const result = await flow.run({
    scenario,
    keys: deps.keys,
    realClock,
    clock,
    jwks,
    ...(deps.signIn ? { signIn: deps.signIn } : {}),
  })
  return {
    scenario,
    flow: flow.id,
    at: clock(),
    parties: result.parties,
    steps: result.steps,
    outcome: runOutcome(result.steps, result.notSent),
    tokens: result.tokens,
    provenance: result.provenance,
    jwks,
    ...(deps.signIn ? { signIn: deps.signIn } : {}),
  }
}
