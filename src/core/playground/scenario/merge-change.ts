// Lays a change over a base scenario: objects merge key by key, anything else replaces.

// Keys that would reach an object's prototype if assigned; never copied from untrusted input.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Merges `change` into a copy of `base`. Keys that could reach a prototype are skipped and
 * reported through `onSkip`, so untrusted input can't pollute objects.
 */
export function mergeChange(
  base: unknown,
  change: unknown,
  onSkip: (path: string) => void = () => {},
  path: string[] = [],
): unknown {
  if (!isRecord(base) || !isRecord(change)) return structuredClone(change)
  const merged: Record<string, unknown> = structuredClone(base)
  for (const [key, value] of Object.entries(change)) {
    if (UNSAFE_KEYS.has(key)) onSkip([...path, key].join('.'))
    else merged[key] = key in base ? mergeChange(base[key], value, onSkip, [...path, key]) : value
  }
  return merged
}
