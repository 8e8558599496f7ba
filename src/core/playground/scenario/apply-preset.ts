// Turns a preset into a full scenario: its change laid over the seed.
import { mergeChange } from './merge-change.ts'
import type { Preset } from './presets.ts'
import type { Scenario } from './scenario.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

/**
 * Presets are our own data, checked against the schema by their tests, so applying one needs no
 * validation at run time and keeps the schema library out of the first load.
 */
export function applyPreset(preset: Preset): Scenario {
  return mergeChange(SEED_SCENARIO, preset.change) as Scenario
}
