// Properties over any body: a form parses to its pairs or to a typed invalid_request, never a throw, and
// decodes each character of a long hostile body once.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isOAuthError } from '../errors/oauth-error.ts'
import { stepsFor } from '../testing/count-steps.ts'
import { parseFormBody } from './parse-form-body.ts'

/** Pieces that make form encoding go wrong: stray or half percent signs, bad UTF-8, separators. */
const formUnit = fc.oneof(
  fc.constantFrom(
    '%',
    '%2',
    '%zz',
    '%41',
    '%C3%A9',
    '%FF',
    '%C3',
    '%ED%A0%80',
    '%00',
    '+',
    '&',
    '=',
    '&&',
    '==',
  ),
  fc.constantFrom('a', 'é', '\u2028', '\uD800', '\uDC00', '😀', ' ', '\n', '?', '#'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const anyBody = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: formUnit }), fc.string())
/** Well-formed UTF-16 strings: what a form field can hold (URLSearchParams replaces lone surrogates). */
const fieldText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: formUnit }).filter(isWellFormed))

function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

describe('parseFormBody on hostile input', () => {
  test('any body parses to name/value strings or to a typed invalid_request naming the pair, never a throw', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const result = parseFormBody(body)
        if (result.ok) {
          for (const pair of result.value) {
            expect(pair).toHaveLength(2)
            expect(pair.every((part) => typeof part === 'string')).toBe(true)
          }
          return
        }
        expect(isOAuthError(result.error)).toBe(true)
        expect(result.error).toMatchObject({
          code: 'invalid_request',
          status: 400,
          reason: 'request.malformed_form',
        })
        // The message quotes at most 40 characters of the offending pair, so a huge body can't flood it.
        expect(result.error.description).toMatch(/^Malformed form encoding in "[\s\S]{0,41}"$/)
      }),
      { numRuns: 2_000 },
    )
  })

  test('whatever URLSearchParams encodes, it reads back exactly, in order, repeats kept', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fieldText, fieldText), { maxLength: 8 }), (pairs) => {
        expect(parseFormBody(new URLSearchParams(pairs).toString())).toEqual({ ok: true, value: pairs })
        const percentOnly = pairs
          .map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)
          .join('&')
        expect(parseFormBody(percentOnly)).toEqual({ ok: true, value: pairs })
      }),
      { numRuns: 1_000 },
    )
  })

  test('what it accepts, it reads as the URL standard does', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const result = parseFormBody(body)
        // URLSearchParams also drops a leading "?" and repairs lone surrogates; neither is a form body.
        if (!result.ok || body.startsWith('?') || !isWellFormed(body)) return
        expect(result.value).toEqual([...new URLSearchParams(body)])
      }),
      { numRuns: 2_000 },
    )
  })

  test.each([
    ['separators only', (n: number) => '&'.repeat(n)],
    ['equals signs only', (n: number) => '='.repeat(n)],
    ['plus signs', (n: number) => `a=${'+'.repeat(n)}`],
    ['valid percent escapes', (n: number) => `a=${'%41'.repeat(n / 3)}`],
    ['many short pairs', (n: number) => 'a=b&'.repeat(n / 4)],
    ['a half escape at the very end', (n: number) => `a=${'x'.repeat(n)}%4`],
    ['bad UTF-8 at the very end', (n: number) => `a=${'%41'.repeat(n / 3)}%FF`],
  ])('decodes each character once on a megabyte of %s', (_, make) => {
    // Counted, not timed: a count is the same on a busy machine (timings live in `npm run bench`).
    const body = make(1_000_000)
    expect(stepsFor(body, parseFormBody)).toBeLessThanOrEqual(body.length + 1)
    expect(stepsFor(body, parseFormBody)).toBeLessThanOrEqual(11 * stepsFor(make(100_000), parseFormBody))
  })
})
