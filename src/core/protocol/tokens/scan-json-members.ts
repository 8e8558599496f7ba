// A single-pass JSON checker that also finds member names used twice in one object, which JSON.parse hides.
import type { WorkMeter } from '../work-meter.ts'

/** What the scan found: valid JSON, a syntax error, or a member name repeated within one object. */
export type JsonScan =
  | { ok: true }
  | { ok: false; problem: 'syntax'; at: number }
  | { ok: false; problem: 'duplicate'; name: string; at: number }
  | { ok: false; problem: 'depth'; at: number }

const ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
])
const HEX4 = /^[0-9a-fA-F]{4}$/
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = ['true', 'false', 'null']

/** Steps are counted only when a test passes a meter; this one is never read. */
const UNMETERED: WorkMeter = { steps: 0 }

function skipWhitespace(text: string, at: number, meter: WorkMeter): number {
  let i = at
  meter.steps++
  for (
    let c = text.charCodeAt(i);
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    c = text.charCodeAt(i)
  ) {
    i++
    meter.steps++
  }
  return i
}

/** Reads the string starting at the `"` at `at`, decoding escapes so `"\u0061lg"` and `"alg"` compare equal. */
function readString(text: string, at: number, meter: WorkMeter): { value: string; end: number } | null {
  let value = ''
  let run = at + 1
  for (let i = at + 1; i < text.length; i++) {
    meter.steps++
    const c = text.charCodeAt(i)
    if (c === 0x22) return { value: value + text.slice(run, i), end: i + 1 }
    if (c < 0x20) return null
    if (c !== 0x5c) continue
    value += text.slice(run, i)
    const escape = text.charAt(i + 1)
    if (escape === 'u') {
      const hex = text.slice(i + 2, i + 6)
      if (!HEX4.test(hex)) return null
      value += String.fromCharCode(parseInt(hex, 16))
      i += 5
    } else {
      const decoded = ESCAPES.get(escape)
      if (decoded === undefined) return null
      value += decoded
      i += 1
    }
    run = i + 1
  }
  return null
}

/** The end of the number or literal at `at`, or -1 when there is none. */
function readScalar(text: string, at: number, meter: WorkMeter): number {
  const literal = LITERALS.find((word) => text.startsWith(word, at))
  meter.steps += 1 + (literal?.length ?? 0)
  if (literal !== undefined) return at + literal.length
  NUMBER.lastIndex = at
  const end = NUMBER.test(text) ? NUMBER.lastIndex : -1
  meter.steps += Math.max(end - at, 0)
  return end
}

/**
 * Checks `text` against the JSON grammar and reports the first object member name that appears twice
 * in the same object. Iterative (no recursion, so deep nesting can't overflow the stack), linear in the
 * length of `text`, and it never throws. Member names are compared after decoding escapes, as a parser
 * sees them. JWS and JWT parsers must reject such duplicates or keep only the last; a verifier that
 * refuses them can't be fooled by two parsers keeping different copies. Containers nested deeper than
 * `maxDepth` are refused too: JSON.parse reads them, but JSON.stringify and any recursive walk of the
 * result overflow the stack a few thousand levels down. A `meter`, when given, counts the steps taken.
 * @see RFC 7515 §4
 * @see RFC 7519 §4
 * @see RFC 8259 §4
 */
export function scanJsonMembers(text: string, maxDepth = Infinity, meter: WorkMeter = UNMETERED): JsonScan {
  // One entry per open container: the names seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = []
  let state: 'value' | 'name' | 'after' = 'value'
  let i = skipWhitespace(text, 0, meter)
  const syntax = (): JsonScan => ({ ok: false, problem: 'syntax', at: i })

  for (;;) {
    meter.steps++
    if (state === 'value') {
      const c = text.charAt(i)
      if (c === '{' || c === '[') {
        i = skipWhitespace(text, i + 1, meter)
        if (text.charAt(i) === (c === '{' ? '}' : ']')) {
          i++
          state = 'after'
        } else {
          if (open.length >= maxDepth) return { ok: false, problem: 'depth', at: i }
          open.push(c === '{' ? new Set() : null)
          state = c === '{' ? 'name' : 'value'
        }
        continue
      }
      const end = c === '"' ? (readString(text, i, meter)?.end ?? -1) : readScalar(text, i, meter)
      if (end < 0) return syntax()
      i = end
      state = 'after'
    } else if (state === 'name') {
      const names = open.at(-1)
      const name = text.charAt(i) === '"' ? readString(text, i, meter) : null
      if (name === null || !names) return syntax()
      if (names.has(name.value)) return { ok: false, problem: 'duplicate', name: name.value, at: i }
      names.add(name.value)
      i = skipWhitespace(text, name.end, meter)
      if (text.charAt(i) !== ':') return syntax()
      i = skipWhitespace(text, i + 1, meter)
      state = 'value'
    } else {
      i = skipWhitespace(text, i, meter)
      if (open.length === 0) return i === text.length ? { ok: true } : syntax()
      const inObject = open.at(-1) !== null
      const c = text.charAt(i)
      if (c === ',') {
        i = skipWhitespace(text, i + 1, meter)
        state = inObject ? 'name' : 'value'
      } else if (c === (inObject ? '}' : ']')) {
        i++
        open.pop()
      } else return syntax()
    }
  }
}
