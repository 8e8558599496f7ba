// The one door for untrusted scenarios: fills defaults, repairs what it can, and says what it changed.
import type { z } from 'zod'
import { isRecord, mergeChange } from './merge-change.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'
import { scenarioSchema } from './scenario-schema.ts'
import type { Scenario } from './scenario.ts'

export interface RestoredScenario {
  scenario: Scenario
  /** One sentence for each thing that was ignored or reset, for a visible notice. */
  notices: string[]
}

type Path = (string | number)[]

const showPath = (path: Path) => path.join('.')

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined,
    root,
  )
}

/** Mends one schema issue: drops a bad list item or unknown key, or resets a field to the seed's value. */
function repair(candidate: unknown, issue: z.core.$ZodIssue, notices: string[]): void {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    const parent = valueAt(candidate, path) as Record<string, unknown>
    for (const key of issue.keys) delete parent[key]
    notices.push(
      `Ignored unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${showPath([...path, k])}"`).join(', ')}.`,
    )
    return
  }
  const lastIndex = path.findLastIndex((key) => typeof key === 'number')
  if (lastIndex !== -1) {
    const list = valueAt(candidate, path.slice(0, lastIndex)) as unknown[]
    list.splice(path[lastIndex] as number, 1)
    notices.push(`Dropped "${showPath(path.slice(0, lastIndex + 1))}": ${issue.message}.`)
    return
  }
  const seedValue = structuredClone(valueAt(SEED_SCENARIO, path))
  if (path.length === 0) return
  const parent = valueAt(candidate, path.slice(0, -1)) as Record<string, unknown>
  parent[path.at(-1) as string] = seedValue
  notices.push(`Reset "${showPath(path)}" to its default: ${issue.message}.`)
}

/**
 * Turns anything (a decoded link, pasted JSON, old stored state) into a valid Scenario.
 * Missing fields take the seed's values; invalid ones are reset or dropped, each with a notice.
 */
export function restoreScenario(input: unknown): RestoredScenario {
  const notices: string[] = []
  if (!isRecord(input))
    return {
      scenario: structuredClone(SEED_SCENARIO),
      notices: ['The scenario was not a JSON object; showing the seed scenario.'],
    }
  if (typeof input.version === 'number' && input.version > SEED_SCENARIO.version)
    notices.push(
      `The scenario is from a newer version (${input.version}); fields this version does not know were ignored.`,
    )
  const candidate = mergeChange(SEED_SCENARIO, { ...input, version: SEED_SCENARIO.version }, (path) =>
    notices.push(`Ignored "${path}".`),
  )
  // Each pass mends every issue zod reports; a handful of passes settles any input.
  for (let pass = 0; pass < 8; pass++) {
    const result = scenarioSchema.safeParse(candidate)
    if (result.success) return { scenario: result.data as Scenario, notices }
    for (const issue of result.error.issues.slice().reverse()) repair(candidate, issue, notices)
  }
  return {
    scenario: structuredClone(SEED_SCENARIO),
    notices: [...notices, 'The scenario could not be repaired; showing the seed scenario.'],
  }
}
