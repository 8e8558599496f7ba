// The smallest change that turns the seed into a scenario: what a permalink needs to carry.
import { SEED_SCENARIO } from './seed-scenario.ts'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Objects diff key by key; arrays and values are kept whole when they differ. */
export function diffFrom(base: unknown, value: unknown): unknown {
  if (!isRecord(base) || !isRecord(value)) return value
  const change: Record<string, unknown> = {}
  for (const [key, next] of Object.entries(value)) {
    if (sameJson(base[key], next)) continue
    const inner = diffFrom(base[key], next)
    if (!isRecord(inner) || Object.keys(inner).length > 0 || !isRecord(base[key])) change[key] = inner
  }
  return change
}

/** The change from the seed; the seed itself diffs to `{}`. */
export const diffFromSeed = (scenario: unknown): Record<string, unknown> =>
  diffFrom(SEED_SCENARIO, scenario) as Record<string, unknown>
