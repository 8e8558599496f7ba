// Turns a preset into a full scenario: its change laid over the seed.
import type { Preset } from './presets.ts'
import type { Scenario } from './scenario.ts'
import { applyChange } from './scenario-change.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

/**
 * Presets are our own data, typed against the Scenario and checked against the schema by their tests,
 * so applying one needs no validation at run time and keeps the schema library out of the first load.
 */
export function applyPreset(preset: Preset): Scenario {
  return applyChange(SEED_SCENARIO, preset.change)
}
