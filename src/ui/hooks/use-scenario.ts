// The one value that drives the screen: the Scenario, starting from the seed, with small typed updaters.
import { useCallback, useState } from 'react'
import {
  type Scenario,
  type ScenarioActor,
  type ScenarioEdits,
  type ScenarioRequest,
  type ScenarioUser,
  SEED_SCENARIO,
  type SignInChoice,
} from '../../core/playground/index.ts'
import type { ExchangePolicy } from '../../core/protocol/index.ts'

export interface ScenarioApi {
  scenario: Scenario
  replace: (next: Scenario) => void
  setUser: (patch: Partial<ScenarioUser>) => void
  setActor: (patch: Partial<ScenarioActor>) => void
  setRequest: (patch: Partial<ScenarioRequest>) => void
  setPolicy: (patch: Partial<ExchangePolicy>) => void
  setEdits: (patch: Partial<ScenarioEdits>) => void
  setClockOffset: (seconds: number) => void
  /** The sign-in choice a link carries: "real-passkey" or "simulated" (never the ceremony itself). */
  setSignIn: (choice: SignInChoice) => void
}

export function useScenario(initial: Scenario = SEED_SCENARIO): ScenarioApi {
  const [scenario, setScenario] = useState(initial)
  const replace = useCallback((next: Scenario) => setScenario(next), [])
  const setUser = useCallback(
    (patch: Partial<ScenarioUser>) => setScenario((s) => ({ ...s, user: { ...s.user, ...patch } })),
    [],
  )
  const setActor = useCallback(
    (patch: Partial<ScenarioActor>) => setScenario((s) => ({ ...s, actor: { ...s.actor, ...patch } })),
    [],
  )
  const setRequest = useCallback(
    (patch: Partial<ScenarioRequest>) => setScenario((s) => ({ ...s, request: { ...s.request, ...patch } })),
    [],
  )
  const setPolicy = useCallback(
    (patch: Partial<ExchangePolicy>) => setScenario((s) => ({ ...s, policy: { ...s.policy, ...patch } })),
    [],
  )
  const setEdits = useCallback(
    (patch: Partial<ScenarioEdits>) => setScenario((s) => ({ ...s, edits: { ...s.edits, ...patch } })),
    [],
  )
  const setClockOffset = useCallback(
    (seconds: number) => setScenario((s) => ({ ...s, clockOffset: seconds })),
    [],
  )
  const setSignIn = useCallback(
    (choice: SignInChoice) => setScenario((s) => (s.signIn === choice ? s : { ...s, signIn: choice })),
    [],
  )
  return { scenario, replace, setUser, setActor, setRequest, setPolicy, setEdits, setClockOffset, setSignIn }
}
