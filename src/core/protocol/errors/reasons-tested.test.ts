// Every reason id in the table is asserted by at least one test: a refusal nobody tests is a refusal nobody knows works.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { REASONS } from './reasons.ts'

const root = new URL('../../../../', import.meta.url).pathname
const SELF = 'src/core/protocol/errors/reasons-tested.test.ts'

/** The text of every unit test under `src/` and `sandbox/`, this file excepted. */
function testSources(): string[] {
  return ['src', 'sandbox'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .map((path) => join(dir, path))
      .filter((path) => path.endsWith('.test.ts') && path !== SELF)
      .map((path) => readFileSync(join(root, path), 'utf8')),
  )
}

/**
 * A reason counts as asserted where a test names it in a string literal that ends with it, as
 * `reason: 'dpop.replayed'` or `'503 temporarily_unavailable dpop.replay_cache_full'` do.
 */
const namedIn = (id: string, sources: string[]) => {
  const literal = new RegExp(`['"\`\\s]${id.replace('.', '\\.')}['"\`]`)
  return sources.some((text) => literal.test(text))
}

describe('the reason table', () => {
  test('every reason id is asserted by at least one unit test', () => {
    const sources = testSources()
    expect(sources.length).toBeGreaterThan(50)
    const untested = Object.keys(REASONS).filter((id) => !namedIn(id, sources))
    expect(untested).toEqual([])
  })
})
