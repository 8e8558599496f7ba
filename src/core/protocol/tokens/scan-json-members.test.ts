// The duplicate-name scanner: worked examples, then properties against JSON.parse on arbitrary and near-JSON text.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { scanJsonMembers } from './scan-json-members.ts'

const parses = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A member name spelled entirely in \u escapes: the same name to a parser, other bytes on the wire. */
const escaped = (name: string) =>
  `"${[...Array(name.length).keys()].map((i) => `\\u${name.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`

describe('scanJsonMembers reports a name used twice in one object', () => {
  test.each([
    ['a repeated header parameter', '{"alg":"ES256","alg":"none"}', 'alg'],
    ['a repeated claim', '{"sub":"a","sub":"b"}', 'sub'],
    ['a name spelled once plainly, once with a \\u escape', '{"alg":"ES256","\\u0061lg":"none"}', 'alg'],
    ['a name spelled once with an escaped solidus', '{"a/b":1,"a\\/b":2}', 'a/b'],
    ['a repeat inside a nested act claim', '{"act":{"sub":"x","act":{"sub":"y","sub":"z"}}}', 'sub'],
    ['a repeat in an object inside an array', '[{"a":1},{"b":1,"b":2}]', 'b'],
    ['"__proto__" twice', '{"__proto__":1,"__proto__":2}', '__proto__'],
    ['the empty name twice', '{"":1,"":2}', ''],
  ])('finds %s', (_name, text, name) => {
    expect(scanJsonMembers(text)).toMatchObject({ ok: false, problem: 'duplicate', name })
  })

  test.each([
    ['the same name in sibling objects', '[{"a":1},{"a":2}]'],
    ['the same name at two nesting levels', '{"act":{"act":{"sub":"x"},"sub":"y"},"sub":"z"}'],
    ['names that differ only in case', '{"alg":1,"ALG":2}'],
    ['a name repeated as a string value', '{"a":"a","b":"a"}'],
    ['whitespace everywhere JSON allows it', ' \t\r\n{ "a" : [ 1 , 2 ] , "b" : { } } \n'],
  ])('accepts %s', (_name, text) => {
    expect(scanJsonMembers(text)).toEqual({ ok: true })
  })

  test.each([
    [''],
    ['{"a":1,}'],
    ['[1,]'],
    ['{"a" 1}'],
    ['{a:1}'],
    ["{'a':1}"],
    ['01'],
    ['1.'],
    ['.5'],
    ['-'],
    ['1e'],
    ['[1 2]'],
    ['{"a":1'],
    ['{"a":1}x'],
    ['nul'],
    ['"\u0001"'],
    ['"\\x"'],
    ['"\\u12"'],
    ['\ufeff{}'],
    ['\u00a0{}'],
  ])('reports a syntax error in %j, as JSON.parse does', (text) => {
    expect(scanJsonMembers(text)).toMatchObject({ ok: false, problem: 'syntax' })
    expect(parses(text)).toBe(false)
  })

  test('scans 100,000 nested arrays without recursion', () => {
    expect(scanJsonMembers('['.repeat(100_000) + ']'.repeat(100_000))).toEqual({ ok: true })
    expect(scanJsonMembers('{"a":'.repeat(100_000))).toMatchObject({ ok: false, problem: 'syntax' })
  })
})

// Strings built from JSON's own punctuation and a few letters reach deep into the grammar.
const jsonish = fc.string({
  unit: fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    '\\',
    'u',
    '0',
    '1',
    '-',
    'e',
    '.',
    ' ',
    'a',
    'true',
  ),
})
const nearJson = fc
  .tuple(fc.json(), fc.nat(), fc.constantFrom('', '"', ',', '}', ']', '\\', ' ', '0'))
  .map(
    ([text, at, insert]) =>
      text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1),
  )

describe('scanJsonMembers, for any text', () => {
  test.each([
    ['arbitrary strings', fc.string({ unit: 'binary' })],
    ['strings of JSON punctuation', jsonish],
    ['valid JSON with one character changed', nearJson],
  ])('never throws on %s, and agrees with JSON.parse on what is valid', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        const scan = scanJsonMembers(text)
        if (scan.ok) expect(parses(text)).toBe(true)
        if (!scan.ok && scan.problem === 'syntax') expect(parses(text)).toBe(false)
        if (parses(text)) expect(scan.ok || scan.problem === 'duplicate').toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  test('accepts every JSON text without duplicate names, however it is indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        expect(scanJsonMembers(JSON.stringify(value, null, indent))).toEqual({ ok: true })
      }),
      { numRuns: 500 },
    )
  })

  test('finds a name repeated among other members, plainly or in escapes, which JSON.parse hides', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.boolean(),
        (name, others, escape) => {
          const members = Object.entries(others)
            .filter(([other]) => other !== name)
            .map(([other, value]) => `${JSON.stringify(other)}:${JSON.stringify(value)}`)
          const second = escape ? escaped(name) : JSON.stringify(name)
          const text = `{${[`${JSON.stringify(name)}:1`, ...members, `${second}:2`].join(',')}}`
          expect(scanJsonMembers(text)).toMatchObject({ ok: false, problem: 'duplicate', name })
          expect((JSON.parse(text) as Record<string, unknown>)[name]).toBe(2)
        },
      ),
      { numRuns: 500 },
    )
  })
})
