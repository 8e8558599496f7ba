// The one door for untrusted scenarios: fills defaults, mends each invalid field, and says what it changed.
import { isRecord, mergeChange } from './merge-change.ts'
import { withFallbacks } from './scenario-fallbacks.ts'
import { scenarioSchema } from './scenario-schema.ts'
import type { Scenario } from './scenario.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

export interface RestoredScenario {
  scenario: Scenario
  /** One sentence for each thing that was ignored or reset, for a visible notice. */
  notices: string[]
}

let mendScenario: ReturnType<typeof withFallbacks> | undefined

const seedWith = (notices: string[]): RestoredScenario => ({
  scenario: structuredClone(SEED_SCENARIO),
  notices,
})

/**
 * Turns anything (a decoded link, pasted JSON, old stored state) into a valid Scenario, in one pass.
 * Missing fields take the seed's values; each invalid field falls back on its own (the seed's value,
 * or a list drops the bad item) and unknown fields are ignored, each with a notice. Never throws.
 */
export function restoreScenario(input: unknown): RestoredScenario {
  if (!isRecord(input)) return seedWith(['The scenario was not a JSON object; showing the seed scenario.'])
  const notices: string[] = []
  if (typeof input.version === 'number' && input.version > SEED_SCENARIO.version)
    notices.push(
      `The scenario is from a newer version (${input.version}); fields this version does not know were ignored.`,
    )
  const candidate = mergeChange(SEED_SCENARIO, { ...input, version: SEED_SCENARIO.version }, (path) =>
    notices.push(`Ignored "${path}".`),
  )
  // Every link this playground makes is valid as it stands; the fallbacks run only when something needs mending.
  const valid = scenarioSchema.safeParse(candidate)
  if (valid.success) return { scenario: valid.data, notices }
  mendScenario ??= withFallbacks(scenarioSchema, SEED_SCENARIO)
  const mended = mendScenario(candidate)
  notices.push(...mended.notices)
  // The fallbacks put only valid values in place; the schema checks that again, and gives the type.
  const checked = scenarioSchema.safeParse(mended.value)
  if (checked.success) return { scenario: checked.data, notices }
  return seedWith([...notices, 'The scenario could not be restored; showing the seed scenario.'])
}
