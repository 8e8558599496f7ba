// Properties over any body and content type: parameters or a typed invalid_request (400, or 413 over the
// limit), never a rejected promise.
import { isHttpError } from '../errors/refusal-name.ts'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isOAuthError } from '../errors/oauth-error.ts'
import { readBodyParams } from './read-body-params.ts'

const FORM = 'application/x-www-form-urlencoded'
const contentType = fc.constantFrom(
  FORM,
  `${FORM}; charset=UTF-8`,
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'application/json',
  'application/jwt+json',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
  ';;;',
  'application/json\u0000',
)
const body = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('%', '%4', '%41', '%FF', '&', '=', '+', 'a', '__proto__', 'é') }),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '[]', 'null', '"x"', '1e999', '{"a":1,"a":2}', '\ufeff{}'),
)

const post = (text: string, type: string) =>
  new Request('http://127.0.0.1/token', {
    method: 'POST',
    // A header value can't hold NUL or line breaks; Request would throw before our code runs.
    headers: type.includes('\u0000') ? {} : { 'content-type': type },
    body: text,
  })

describe('readBodyParams on hostile input', () => {
  test('any body and content type reads to parameters or a typed refusal, never a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        contentType,
        fc.boolean(),
        fc.integer({ min: 0, max: 64 }),
        async (text, type, json, maxBytes) => {
          const read = await readBodyParams(post(text, type), { json, maxBytes })
          if (!read.ok) {
            // Over the limit is a plain HTTP failure (413); anything else an OAuth invalid_request (400).
            if (isHttpError(read.error)) {
              expect(read.error.status).toBe(413)
              expect(read.error.reason).toBe('http.content_too_large')
            } else {
              expect(isOAuthError(read.error)).toBe(true)
              expect(read.error.code).toBe('invalid_request')
              expect(read.error.status).toBe(400)
            }
            expect(read.error.description.length).toBeGreaterThan(0)
            return
          }
          expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(maxBytes)
          expect(typeof read.value === 'object' && read.value !== null && !Array.isArray(read.value)).toBe(
            true,
          )
          // Nothing read from a body reaches Object.prototype.
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          if (type.toLowerCase().startsWith(FORM)) {
            expect(Object.getPrototypeOf(read.value)).toBe(Object.prototype)
            for (const value of Object.values(read.value)) expect(value).toMatch(/^[\s\S]+$/)
          }
        },
      ),
      { numRuns: 1_000 },
    )
  })

  test('the limit counts the bytes as sent: a byte order mark counts too', async () => {
    // 3 bytes of BOM + "{}": decoding first would drop the BOM and measure 2.
    const read = await readBodyParams(post('\ufeff{}', 'application/json'), { json: true, maxBytes: 4 })
    expect(!read.ok && read.error.status).toBe(413)
  })

  test('a body over the limit is refused with 413 whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        body.filter((text) => text.length > 8),
        fc.constantFrom(FORM, 'application/json'),
        async (text, type) => {
          const read = await readBodyParams(post(text, type), { json: true, maxBytes: 8 })
          expect(!read.ok && read.error.status).toBe(413)
        },
      ),
      { numRuns: 300 },
    )
  })
})
