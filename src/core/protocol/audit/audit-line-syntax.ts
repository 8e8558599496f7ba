// The audit line's lexical rules, shared by the formatter and the parser so the two cannot drift apart.

/** A value may be written without quotes only if it is made entirely of these (SPIFFE IDs, URLs, ids, UUIDs). */
export const BARE_VALUE = /^[A-Za-z0-9._~:/@+\-,]+$/

/** A field key: lower-case words joined by underscores, as in `acting_as`. */
export const FIELD_KEY = /^[a-z][a-z0-9_]*$/

/** The leading timestamp: an ISO-8601 string from `toISOString()` (years may be signed) or `invalid-time`. */
export const TIME_TOKEN = /^[0-9A-Za-z:.+-]+$/

/** What a timestamp that cannot be rendered is written as. */
export const INVALID_TIME = 'invalid-time'

/**
 * Characters never written raw inside quotes: every Unicode "other" (controls C0/DEL/C1 incl. U+0085,
 * format characters such as bidi overrides and U+FEFF, lone surrogates, private-use, unassigned) and every
 * separator except the plain space (U+2028, U+2029, NBSP…). `=` is escaped too, so that every `=` on a
 * line is a real field separator and even a naive `grep ' acting_as='` cannot be fooled.
 */
export const RAW_FORBIDDEN = /[\\"=]|(?! )[\p{C}\p{Z}]/u
const MUST_ESCAPE = new RegExp(RAW_FORBIDDEN.source, 'gu')

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

function escapeChar(char: string): string {
  const short = SHORT_ESCAPES[char]
  if (short !== undefined) return short
  let out = ''
  // An astral code point becomes its UTF-16 surrogate pair, as JSON does; a lone surrogate stays one unit.
  for (let i = 0; i < char.length; i++) out += '\\u' + char.charCodeAt(i).toString(16).padStart(4, '0')
  return out
}

/**
 * Writes a value bare when it is non-empty and entirely in {@link BARE_VALUE}, otherwise double-quoted
 * with every character in {@link RAW_FORBIDDEN} escaped as `\\`, `\"`, `\n`, `\r`, `\t` or `\uXXXX`.
 */
export function writeValue(value: string): string {
  if (BARE_VALUE.test(value)) return value
  return '"' + value.replace(MUST_ESCAPE, escapeChar) + '"'
}

const SIMPLE_UNESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' }

/** The value of the escape sequence starting at `line[at] === '\\'` and its length, or null if malformed. */
export function readEscape(line: string, at: number): { value: string; length: number } | null {
  const kind = line[at + 1]
  if (kind === undefined) return null
  const simple = SIMPLE_UNESCAPES[kind]
  if (simple !== undefined) return { value: simple, length: 2 }
  if (kind !== 'u') return null
  const hex = line.slice(at + 2, at + 6)
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null
  return { value: String.fromCharCode(parseInt(hex, 16)), length: 6 }
}
