// Reads an audit line back into its timestamp and fields: the exact inverse of formatAuditLine, in one pass.

import { fail, oauthError, ok } from '../errors/oauth-error.ts'
import type { Result } from '../errors/oauth-error.ts'
import { BARE_VALUE, FIELD_KEY, RAW_FORBIDDEN, TIME_TOKEN, readEscape } from './audit-line-syntax.ts'

/** An audit line taken apart: the leading timestamp as written and the fields in order, unescaped. */
export interface ParsedAuditLine {
  time: string
  fields: [string, string][]
}

/** The `spec` recorded on every parse error. */
export const AUDIT_LINE_SPEC = 'audit line format'

const malformed = (description: string): Result<ParsedAuditLine> =>
  fail(oauthError('audit.malformed_line', description))

/**
 * Parses one audit line (without its line terminator): `<time>( <key>=<value>)*`, where a value is either
 * bare ({@link BARE_VALUE}) or double-quoted with the escapes `formatAuditLine` writes. Strict: anything the
 * formatter would never produce (a raw control character, line break or `=` inside quotes, an unknown
 * escape, a double space) is an `invalid_request` error naming the column. Never throws, and runs in time
 * linear in the line's length: a hand-written scanner, and each regex it uses is a single character class.
 */
export function parseAuditLine(line: string): Result<ParsedAuditLine> {
  if (typeof line !== 'string') return malformed('audit line must be a string')
  let pos = line.indexOf(' ')
  if (pos === -1) pos = line.length
  const time = line.slice(0, pos)
  if (!TIME_TOKEN.test(time)) return malformed('audit line must start with a timestamp')
  const fields: [string, string][] = []
  while (pos < line.length) {
    // Here line[pos] is the space that separates one field from the previous token.
    const keyStart = pos + 1
    const eq = line.indexOf('=', keyStart)
    if (eq === -1) return malformed(`expected "key=value" at column ${keyStart + 1}`)
    const key = line.slice(keyStart, eq)
    if (!FIELD_KEY.test(key)) return malformed(`invalid field key at column ${keyStart + 1}`)
    const read = line[eq + 1] === '"' ? readQuoted(line, eq + 2) : readBare(line, eq + 1)
    if (typeof read === 'string') return malformed(read)
    fields.push([key, read.value])
    pos = read.end
    if (pos < line.length && line[pos] !== ' ') return malformed(`expected a space at column ${pos + 1}`)
  }
  return ok({ time, fields })
}

type Read = { value: string; end: number } | string

/** A bare value runs to the next space or the end of the line. */
function readBare(line: string, start: number): Read {
  let end = line.indexOf(' ', start)
  if (end === -1) end = line.length
  const value = line.slice(start, end)
  if (!BARE_VALUE.test(value)) return `unquoted value at column ${start + 1} must be quoted`
  return { value, end }
}

/** A quoted value, starting just after its opening quote; `end` is just past the closing quote. */
function readQuoted(line: string, start: number): Read {
  let value = ''
  let runStart = start
  for (let i = start; i < line.length;) {
    const char = line[i]
    if (char === '"' || char === '\\') {
      const run = line.slice(runStart, i)
      if (RAW_FORBIDDEN.test(run))
        return `character at column ${runStart + 1 + run.search(RAW_FORBIDDEN)} must be escaped`
      value += run
      if (char === '"') return { value, end: i + 1 }
      const escape = readEscape(line, i)
      if (escape === null) return `invalid escape at column ${i + 1}`
      value += escape.value
      i += escape.length
      runStart = i
    } else {
      i++
    }
  }
  return `unterminated quoted value starting at column ${start}`
}
