// parseAuditLine reads what the formatter writes and rejects, with a column, anything it would not write.
import { describe, test, expect } from 'vitest'
import { parseAuditLine } from './parse-audit-line.ts'

const SEED =
  '2026-05-10T22:13:01.000Z principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3' +
  ' attestation=github-oidc aud=api.github.com scope="read:repo write:issues" ttl=600s jti=4b0c9a7e'

describe('parseAuditLine', () => {
  test('takes the seed line apart into its timestamp and ordered fields', () => {
    expect(parseAuditLine(SEED)).toEqual({
      ok: true,
      value: {
        time: '2026-05-10T22:13:01.000Z',
        fields: [
          ['principal', 'u_marwan'],
          ['acting_as', 'spiffe://prod/agent/code-reviewer/v3'],
          ['attestation', 'github-oidc'],
          ['aud', 'api.github.com'],
          ['scope', 'read:repo write:issues'],
          ['ttl', '600s'],
          ['jti', '4b0c9a7e'],
        ],
      },
    })
  })

  test('reads a line with only a timestamp, and one stamped invalid-time', () => {
    expect(parseAuditLine('2026-05-10T22:13:01.000Z')).toEqual({
      ok: true,
      value: { time: '2026-05-10T22:13:01.000Z', fields: [] },
    })
    expect(parseAuditLine('invalid-time a=1')).toEqual({
      ok: true,
      value: { time: 'invalid-time', fields: [['a', '1']] },
    })
  })

  test('accepts quoted values that could have been bare, and decodes every escape', () => {
    const parsed = parseAuditLine('t a="x" b="" c="\\\\\\"\\n\\r\\t\\u003d\\ud83e\\udd8a"')
    expect(parsed).toEqual({
      ok: true,
      value: {
        time: 't',
        fields: [
          ['a', 'x'],
          ['b', ''],
          ['c', '\\"\n\r\t=🦊'],
        ],
      },
    })
  })

  test.each([
    ['an empty line', '', 'audit line must start with a timestamp'],
    ['a quoted timestamp', '"2026" a=1', 'audit line must start with a timestamp'],
    ['a trailing space', 't ', 'expected "key=value" at column 3'],
    ['a field without =', 't principal', 'expected "key=value" at column 3'],
    ['an upper-case key', 't Principal=x', 'invalid field key at column 3'],
    ['a double space', 't a=x  b=y', 'invalid field key at column 7'],
    ['an empty bare value', 't a= b=1', 'unquoted value at column 5 must be quoted'],
    ['a quote inside a bare value', 't a=x"y', 'unquoted value at column 5 must be quoted'],
    ['non-ASCII in a bare value', 't a=zoë', 'unquoted value at column 5 must be quoted'],
    ['an unterminated quote', 't a="x', 'unterminated quoted value starting at column 5'],
    ['a quote ending in a backslash', 't a="x\\', 'invalid escape at column 7'],
    ['an unknown escape', 't a="x\\q"', 'invalid escape at column 7'],
    ['a short \\u escape', 't a="\\u12"', 'invalid escape at column 6'],
    ['a raw newline inside quotes', 't a="x\ny"', 'character at column 7 must be escaped'],
    ['a raw U+2028 inside quotes', 't a="\u2028"', 'character at column 6 must be escaped'],
    ['a raw bidi override inside quotes', 't a="ok\\n\u202e"', 'character at column 10 must be escaped'],
    ['a raw = inside quotes', 't a="b=c"', 'character at column 7 must be escaped'],
    ['text straight after a closing quote', 't a="x"y', 'expected a space at column 8'],
  ])('rejects %s as invalid_request', (_name, line, description) => {
    expect(parseAuditLine(line)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid_request',
        status: 400,
        reason: 'audit.malformed_line',
        description,
      }),
    })
  })

  test('rejects a value that is not a string without throwing', () => {
    const parsed = parseAuditLine(42 as unknown as string)
    expect(parsed.ok ? null : parsed.error.description).toBe('audit line must be a string')
  })

  test('scans megabyte lines built to make a backtracking parser blow up', () => {
    const unterminated = 't a="' + '\\"'.repeat(500_000)
    const manyFields = 't' + ' a=b'.repeat(250_000) + ' a=b"'
    const manySpaces = 't' + ' '.repeat(1_000_000)
    expect(parseAuditLine(unterminated).ok).toBe(false)
    expect(parseAuditLine(manyFields).ok).toBe(false)
    expect(parseAuditLine(manySpaces).ok).toBe(false)
    const long = parseAuditLine('t a="' + 'x '.repeat(500_000) + '"')
    expect(long.ok && long.value.fields[0]?.[1].length).toBe(1_000_000)
  })
})
