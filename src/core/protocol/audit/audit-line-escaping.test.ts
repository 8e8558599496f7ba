// Hostile token values: exact escapes, and every one kept on a single line that parses back unchanged.
import { describe, test, expect } from 'vitest'
import type { AuditEvent } from './audit-event.ts'
import { formatAuditFields, formatAuditLine, formatAuditLineFromFields } from './format-audit-line.ts'
import { parseAuditLine } from './parse-audit-line.ts'

const T = '2026-05-10T22:13:01.000Z'
const seed: AuditEvent = {
  time: Date.parse(T),
  decision: 'deny',
  principal: 'u_marwan',
  actingAs: null,
  via: [],
  attestation: null,
  aud: [],
  scope: null,
  ttl: 600,
  jti: null,
  denial: null,
}

describe('escaping', () => {
  test.each([
    ['a plain id bare', 'u_marwan', 'u_marwan'],
    ['an empty string as empty quotes', '', '""'],
    ['a space by quoting', 'a b', '"a b"'],
    ['a quote and a backslash with backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['= as \\u003d so every = on the line separates a field', 'acting_as=evil', '"acting_as\\u003devil"'],
    ['CR LF and tab as short escapes', '\r\n\t', '"\\r\\n\\t"'],
    ['NUL, ESC and DEL as \\u escapes', '\0\u001b[31m\u007f', '"\\u0000\\u001b[31m\\u007f"'],
    ['NEL, LS and PS as \\u escapes', '\u0085\u2028\u2029', '"\\u0085\\u2028\\u2029"'],
    ['bidi overrides and isolates', '\u202eabc\u2066\u200f', '"\\u202eabc\\u2066\\u200f"'],
    ['BOM and non-breaking space', '\ufeff\u00a0', '"\\ufeff\\u00a0"'],
    ['a lone surrogate as one unit', 'x\ud800', '"x\\ud800"'],
    ['an astral private-use character as its surrogate pair', '\u{10fffd}', '"\\udbff\\udffd"'],
    ['printable non-ASCII literally, inside quotes', 'Zoë 🦊', '"Zoë 🦊"'],
  ])('writes %s', (_name, value, written) => {
    expect(formatAuditLineFromFields(T, [['principal', value]])).toBe(`${T} principal=${written}`)
  })

  const hostile = [
    '"',
    'a b',
    '=',
    '\n',
    '\r\n',
    '\u2028',
    '\u2029',
    '\u0085',
    '\0',
    '\u001b[2K\u001b[1G',
    '\u202e\u2066\u200e',
    'acting_as=evil',
    '" acting_as="evil',
    'x\n2026-05-10T22:13:02.000Z principal=root acting_as=evil',
    '\\',
    '\\"',
    '',
    'a'.repeat(100_000),
    '" \\'.repeat(10_000),
  ]
  test.each(hostile.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    'keeps %s in every field on one line, parsed back unchanged',
    (_name, value) => {
      const event: AuditEvent = {
        ...seed,
        principal: value,
        actingAs: value,
        via: [value, value],
        attestation: value,
        aud: [value, value],
        scope: value,
        jti: value,
        denial: { error: value, reason: value },
      }
      const line = formatAuditLine(event)
      expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/)
      const parsed = parseAuditLine(line)
      expect(parsed).toEqual({ ok: true, value: { time: T, fields: formatAuditFields(event) } })
      const fields = parsed.ok ? parsed.value.fields : []
      expect(fields.filter(([key]) => key === 'acting_as')).toEqual([['acting_as', value]])
      expect(line.split('=').length - 1).toBe(fields.length)
    },
  )

  test('replaces a time or key that is not a plain token, so the line stays one line', () => {
    const line = formatAuditLineFromFields('2026\nx', [['Bad Key=\n', 'v']])
    expect(line).toBe('invalid-time x__ad__ey__=v')
  })
})
