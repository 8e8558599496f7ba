// Properties over arbitrary events and strings: one line, exact round trip, no forged acting_as, no throws.
import { describe, test, expect } from 'vitest'
import fc from 'fast-check'
import type { AuditEvent } from './audit-event.ts'
import {
  formatAuditFields,
  formatAuditLine,
  formatAuditLineFromFields,
  formatAuditTime,
} from './format-audit-line.ts'
import { parseAuditLine } from './parse-audit-line.ts'

// Pieces an attacker would try, plus lone surrogates, which fast-check's 'binary' unit never produces.
const hostileUnit = fc.oneof(
  fc.constantFrom(
    ...['"', '\\', '=', ' ', '\n', '\r\n', '\t', '\u2028', '\u2029', '\u0085', '\0', '\u001b[2K', '\u007f'],
    ...[
      '\u202e',
      '\u2066',
      '\u200e',
      '\ufeff',
      '\u00a0',
      'acting_as=',
      '" acting_as="',
      '\\u0041',
      '\\"',
      'é',
    ],
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: hostileUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', ':', '/', '-', '.') }),
)
const nullable = fc.option(text, { nil: null })
const event: fc.Arbitrary<AuditEvent> = fc.record({
  time: fc.oneof(
    fc.date({ noInvalidDate: false }).map((date) => date.getTime()),
    fc.double(),
  ),
  decision: fc.constantFrom('allow', 'deny'),
  principal: nullable,
  actingAs: nullable,
  via: fc.array(text, { maxLength: 4 }),
  attestation: nullable,
  aud: fc.array(text, { maxLength: 3 }),
  scope: nullable,
  ttl: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: null }),
  jti: nullable,
  denial: fc.option(fc.record({ error: text, reason: text }), { nil: null }),
  claimed: fc.option(fc.record({ principal: nullable, actor: nullable }), { nil: undefined }),
})

/** Anything that could end a line or hide text: controls, format characters, separators other than space. */
const INVISIBLE_OR_BREAK = /(?! )[\p{C}\p{Z}]/u

describe('audit line properties', () => {
  test('every event formats to exactly one line of visible characters', () => {
    fc.assert(fc.property(event, (e) => !INVISIBLE_OR_BREAK.test(formatAuditLine(e))))
  })

  test('parsing a formatted event gives back its time and exactly its fields', () => {
    fc.assert(
      fc.property(event, (e) => {
        const fields = formatAuditFields(e)
        expect(parseAuditLine(formatAuditLine(e))).toEqual({
          ok: true,
          value: { time: formatAuditTime(e.time), fields },
        })
      }),
    )
  })

  test("the only acting_as in a parsed line is the event's own actor, and every = separates a field", () => {
    fc.assert(
      fc.property(event, (e) => {
        const line = formatAuditLine(e)
        const parsed = parseAuditLine(line)
        const fields = parsed.ok ? parsed.value.fields : []
        const actors = fields.filter(([key]) => key === 'acting_as')
        expect(actors).toEqual(e.actingAs === null ? [] : [['acting_as', e.actingAs]])
        expect(line.split('=').length - 1).toBe(fields.length)
      }),
    )
  })

  test('claimed identities appear only on denials, only as claimed_ fields, and round-trip exactly', () => {
    fc.assert(
      fc.property(event, (e) => {
        const parsed = parseAuditLine(formatAuditLine(e))
        const fields = parsed.ok ? parsed.value.fields : []
        const claimed = fields.filter(([key]) => key.startsWith('claimed_'))
        if (e.decision === 'allow') expect(claimed).toEqual([])
        for (const [key, value] of claimed)
          expect(value).toBe(key === 'claimed_principal' ? e.claimed?.principal : e.claimed?.actor)
        expect(fields.filter(([key]) => key === 'principal')).toEqual(
          e.principal === null ? [] : [['principal', e.principal]],
        )
      }),
    )
  })

  test('the parser never throws, and whatever it accepts formats back to a line with the same fields', () => {
    const syntaxHeavy = fc.string({
      unit: fc.constantFrom(' ', '=', '"', '\\', 'a', 'u', '0', 'n', '\n', 'é', 't'),
    })
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), syntaxHeavy), (line) => {
        const parsed = parseAuditLine(line)
        expect(typeof parsed.ok).toBe('boolean')
        if (parsed.ok) {
          const again = formatAuditLineFromFields(parsed.value.time, parsed.value.fields)
          expect(parseAuditLine(again)).toEqual(parsed)
        }
      }),
      { numRuns: 500 },
    )
  })

  test('formatting arbitrary times, keys and values from fields always yields one parseable line', () => {
    const fields = fc.array(fc.tuple(text, text), { maxLength: 5 })
    fc.assert(
      fc.property(text, fields, (time, pairs) => {
        const line = formatAuditLineFromFields(time, pairs)
        expect(INVISIBLE_OR_BREAK.test(line)).toBe(false)
        const parsed = parseAuditLine(line)
        expect(parsed.ok && parsed.value.fields.map(([, value]) => value)).toEqual(
          pairs.map(([, value]) => value),
        )
      }),
    )
  })
})
