// Turns a preset into a full scenario through the same door as any other outside input.
import type { Preset } from './presets.ts'
import { restoreScenario } from './restore-scenario.ts'
import type { Scenario } from './scenario.ts'

/** The preset's change laid over the seed. Presets are data, so they pass the same checks as links. */
export function applyPreset(preset: Preset): Scenario {
  return restoreScenario({ version: 1, ...preset.change }).scenario
}
