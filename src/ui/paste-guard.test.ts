import { describe, expect, test } from 'vitest'
import { bracketDepth, refusePaste, textSize } from './paste-guard.ts'

describe('the paste guard', () => {
  test.each([
    ['plain text', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln', 0],
    ['a flat object', '{"a":1,"b":[1,2]}', 2],
    ['brackets inside strings', '{"a":"[[[{{{","b":"\\"[["}', 1],
    ['an escaped quote that does not end the string', '["\\"]]]"]', 1],
    ['unbalanced closers', ']]]}}}[[', 2],
  ])('measures the nesting of %s', (_, text, depth) => {
    expect(bracketDepth(text)).toBe(depth)
  })

  test('stops counting once past the limit', () => {
    expect(bracketDepth('['.repeat(100_000), 10)).toBe(11)
  })

  test('refuses text longer than the limit, whole', () => {
    expect(refusePaste('x'.repeat(11), { size: 10, depth: Infinity })).toEqual({
      kind: 'size',
      size: 11,
      limit: 10,
    })
    expect(refusePaste('x'.repeat(10), { size: 10, depth: Infinity })).toBeNull()
  })

  test('refuses JSON nested deeper than the limit, and takes what nests just enough', () => {
    expect(refusePaste('['.repeat(1_001), { size: 1e6, depth: 1_000 })).toEqual({
      kind: 'depth',
      size: 1_001,
      limit: 1_000,
    })
    expect(refusePaste(`${'['.repeat(1_000)}${']'.repeat(1_000)}`, { size: 1e6, depth: 1_000 })).toBeNull()
  })

  test.each([
    [900, '900 characters'],
    [64 * 1024, '64 KiB'],
    [10 * 1024 * 1024, '10 MiB'],
  ])('says %i characters as "%s"', (size, said) => {
    expect(textSize(size)).toBe(said)
  })
})
