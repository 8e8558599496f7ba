// Test fixture for the page's tests: the seed scenario with edits, on the protocol tests' keys and clock.
import { SEED_SCENARIO } from './scenario/seed-scenario.ts'
import type { Scenario } from './scenario/scenario.ts'

export { FIXED_NOW, sendExchange, testKeys } from '../protocol/idp/exchange-fixture.ts'

export type ScenarioEdit = (scenario: Scenario) => void

/** The seed scenario with `edit` applied, on a copy. */
export function editedScenario(edit: ScenarioEdit = () => {}): Scenario {
  const scenario = structuredClone(SEED_SCENARIO)
  edit(scenario)
  return scenario
}
