// Properties over any string as a token: the JWT decoders return a decoded JWS or a typed refusal, never
// throw, agree with each other, and do work in proportion to the length of long hostile tokens.
import fc from 'fast-check'
import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { stepsFor } from '../testing/count-steps.ts'
import { JWT_RULES } from './jwt-failure.ts'
import { MAX_JWS_JSON_DEPTH, readCompactJws } from './read-compact-jws.ts'
import { viewToken } from './token-view.ts'
import type { WorkMeter } from '../work-meter.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const b64 = (text: string) => base64url.encode(text)
const jsonObject = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 })

/** Text a JSON parser might choke on: duplicates, escapes, deep nesting, truncation, non-objects. */
const hostileJson = fc.oneof(
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({
    unit: fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ':',
      ',',
      '\\',
      '\\u',
      '00',
      'a',
      '1',
      '-',
      'e',
      ' ',
      'true',
    ),
  }),
  fc.constantFrom(
    '{"alg":"ES256","alg":"none"}',
    '{"\\u0061lg":1,"alg":2}',
    '{"a":1}{"b":2}',
    '{"a":"\ud800"}',
    '{"__proto__":{"admin":true}}',
    `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  ),
)
/** A segment: base64url of hostile JSON, or hostile characters where base64url belongs. */
const segment = fc.oneof(
  hostileJson.map(b64),
  fc.string({ unit: fc.constantFrom(...ALPHABET, '=', '+', '/', ' ', '\n', '.', '%', 'é', '\u0000') }),
  fc.string({ unit: 'binary' }),
)
const anyToken = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => parts.join('.')),
  fc.tuple(segment, segment, segment).map((parts) => parts.join('.')),
)

/** A well-formed token for these claims, and its characters changed one at a time by the mutations. */
const validToken = fc
  .tuple(jsonObject, jsonObject, fc.string({ unit: fc.constantFrom(...ALPHABET) }))
  .map(([header, payload, signature]) => ({
    header,
    payload,
    token: `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${b64(signature)}`,
  }))
const mutatedToken = fc
  .tuple(validToken, fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.nat({ max: 3 }))
  .map(([{ token }, at, insert, remove]) => {
    const i = at % (token.length + 1)
    return token.slice(0, i) + insert + token.slice(i + remove)
  })

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
/** JSON equality: -0 and 0, and own "__proto__" members, compare as JSON does. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe('the JWT decoders on hostile input', () => {
  test('readCompactJws: any string is a decoded header and claims, or a format/encoding refusal; never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyToken, mutatedToken),
        fc.constantFrom('subject_token', 'Access token'),
        (token, name) => {
          const read = readCompactJws(token, name)
          if (read.ok) {
            expect(isPlainObject(read.value.header)).toBe(true)
            expect(isPlainObject(read.value.payload)).toBe(true)
            expect(token.split('.')).toHaveLength(3)
            return
          }
          expect(JWT_RULES).toContain(read.failure.rule)
          expect(['format', 'encoding']).toContain(read.failure.rule)
          expect(read.failure.description.startsWith(name)).toBe(true)
          expect(read.failure.spec).toMatch(/^RFC \d+ §/)
          expect(read.failure.explanation.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 3_000 },
    )
  })

  test('readCompactJws reads back exactly the header and claims a well-formed token was made of', () => {
    fc.assert(
      fc.property(validToken, ({ header, payload, token }) => {
        const read = readCompactJws(token, 'token')
        expect(read.ok).toBe(true)
        if (read.ok) expect(asJson(read.value)).toEqual(asJson({ header, payload }))
      }),
      { numRuns: 1_000 },
    )
  })

  test('viewToken: any string gives the token back with a header and claims that are objects or null; never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyToken, mutatedToken), (token) => {
        const view = viewToken(token)
        expect(view.encoded).toBe(token)
        for (const part of [view.header, view.payload])
          expect(part === null || isPlainObject(part)).toBe(true)
        // Where the strict reader accepts a token, the display decoder shows the very same header and claims.
        const read = readCompactJws(token, 'token')
        if (read.ok) expect({ header: view.header, payload: view.payload }).toEqual(read.value)
      }),
      { numRuns: 3_000 },
    )
  })

  test.each([
    ['at the limit is read', MAX_JWS_JSON_DEPTH, true],
    ['one level deeper is refused', MAX_JWS_JSON_DEPTH + 1, false],
    ['thousands of levels deeper is refused, without overflowing the stack', 100_000, false],
  ])('claims nested %s', (_, depth, readable) => {
    // `depth` non-empty containers: the claims object, then arrays down to a number.
    const claims = `{"a":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`
    const token = `${b64('{"alg":"ES256"}')}.${b64(claims)}.${b64('sig')}`
    const read = readCompactJws(token, 'subject_token')
    expect(read.ok).toBe(readable)
    if (!read.ok) expect(read.failure.description).toBe('subject_token is not a well-formed JWT')
    if (!read.ok) expect(read.failure.explanation).toContain(`nests deeper than ${MAX_JWS_JSON_DEPTH} levels`)
    expect(viewToken(token).payload === null).toBe(!readable)
    expect(viewToken(token).header).toEqual({ alg: 'ES256' })
    // Whatever is returned can be shown: it stringifies.
    expect(() => JSON.stringify(viewToken(token))).not.toThrow()
  })

  const header = b64('{"alg":"ES256","typ":"at+jwt"}')
  const withPayload = (json: string) => `${header}.${b64(json)}.${'A'.repeat(86)}`
  test.each([
    ['one long part', (n: number) => 'a'.repeat(n)],
    ['dots only', (n: number) => '.'.repeat(n)],
    ['a long signature ending badly', (n: number) => `${header}.${header}.${'A'.repeat(n)}B`],
    ['padding at the end of a long part', (n: number) => `${header}.${'A'.repeat(n)}=.x`],
    ['deeply nested claims', (n: number) => withPayload(`{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}`)],
    [
      'many members',
      (n: number) => withPayload(`{${Array.from({ length: n / 12 }, (_, i) => `"m${i}":0`).join(',')}}`),
    ],
    [
      'a duplicate after many members',
      (n: number) =>
        withPayload(`{"alg":1,${Array.from({ length: n / 12 }, (_, i) => `"m${i}":0`).join(',')},"alg":2}`),
    ],
    ['a string of escapes', (n: number) => withPayload(`{"a":"${'\\u0041\\n'.repeat(n / 8)}"}`)],
    ['whitespace', (n: number) => withPayload(`{${' '.repeat(n)}}`)],
    ['an unterminated string', (n: number) => withPayload(`{"a":"${'x'.repeat(n)}`)],
  ])('work in proportion to the token on a megabyte of %s', (_, make) => {
    // Steps, not milliseconds: a count is the same on a busy machine. A quadratic scan of 1 MB would take
    // about 10¹² steps, and grow 100× from 100 KB to 1 MB instead of 10×. (Timings live in `npm run bench`.)
    for (const decode of [
      (token: string, meter: WorkMeter) => readCompactJws(token, 'token', meter),
      (token: string, meter: WorkMeter) => viewToken(token, meter),
    ]) {
      const small = stepsFor(make(100_000), decode)
      const large = stepsFor(make(1_000_000), decode)
      expect(large).toBeLessThanOrEqual(4 * make(1_000_000).length)
      expect(large).toBeLessThanOrEqual(11 * small + 100)
    }
  })
})
