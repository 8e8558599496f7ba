// Splits a compact JWS and decodes its header and claims, accepting only one canonical spelling of each.
import { isObject } from '../json/is-object.ts'
import { base64url } from 'jose'
import { base64urlProblem } from './base64url-problem.ts'
import { jwtFailure, type JwtFailure } from './jwt-failure.ts'
import { scanJsonMembers } from './scan-json-members.ts'
import type { WorkMeter } from '../work-meter.ts'

/** The decoded, still unverified, header and claims of a compact JWS. */
export interface CompactJws {
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

export type CompactJwsRead = { ok: true; value: CompactJws } | { ok: false; failure: JwtFailure }

const PARTS = ['header', 'payload', 'signature'] as const
/** Deeper nesting than this is refused: real headers and claims nest a few levels (`act` chains included). */
export const MAX_JWS_JSON_DEPTH = 32
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The refusal for a token that is not a JWS in compact form at all.
 * @see RFC 7515 §7.1
 */
export const malformedJwt = (name: string, detail: string): JwtFailure =>
  jwtFailure(
    'format',
    'RFC 7515 §7.1, RFC 7519 §7.2',
    `${name} is not a well-formed JWT`,
    `The token must be one JWS in compact form, a signed JWT: three base64url parts separated by dots, with a JSON object as header and as claims (${detail}).`,
  )

/**
 * Reads a compact JWS without verifying it: exactly three parts, each the canonical base64url spelling of
 * its bytes, and a header and claims that are UTF-8 JSON objects with no member name used twice. What it
 * returns is untrusted until the signature is checked; what it refuses never reaches jose. A `meter`, when
 * given, counts the JSON scanner's steps (tests use it to show the work is linear in the token's length).
 * @see RFC 7515 §2, §4, §7.1
 * @see RFC 7519 §4, §7.2
 * @see RFC 4648 §3.5
 */
export function readCompactJws(token: string, name: string, meter?: WorkMeter): CompactJwsRead {
  const segments = token.split('.')
  if (segments.length !== 3)
    return { ok: false, failure: malformedJwt(name, `it has ${segments.length} parts, not 3`) }
  for (const [index, part] of PARTS.entries()) {
    const problem = base64urlProblem(segments[index] ?? '')
    if (problem?.kind === 'undecodable')
      return { ok: false, failure: malformedJwt(name, `the ${part} ${problem.says}`) }
    if (problem !== null)
      return {
        ok: false,
        failure: jwtFailure(
          'encoding',
          'RFC 7515 §2, RFC 4648 §3.5',
          `${name} ${part} is not canonical base64url`,
          `The ${part} ${problem.says}. Each part must be the one canonical base64url spelling of its bytes (no padding, whitespace or other characters, unused bits zero): a lenient decoder accepts many spellings of the same bytes, so the token could be altered without breaking its signature.`,
        ),
      }
  }
  const decoded: Record<string, unknown>[] = []
  for (const [index, part] of (['header', 'payload'] as const).entries()) {
    let text: string
    try {
      text = utf8.decode(base64url.decode(segments[index] ?? ''))
    } catch {
      return { ok: false, failure: malformedJwt(name, `the ${part} is not UTF-8`) }
    }
    const scan = scanJsonMembers(text, MAX_JWS_JSON_DEPTH, meter)
    if (!scan.ok && scan.problem === 'depth')
      return {
        ok: false,
        failure: malformedJwt(name, `the ${part} nests deeper than ${MAX_JWS_JSON_DEPTH} levels`),
      }
    if (!scan.ok && scan.problem === 'duplicate')
      return {
        ok: false,
        failure: jwtFailure(
          'encoding',
          part === 'header' ? 'RFC 7515 §4' : 'RFC 7519 §4',
          `${name} ${part} has "${scan.name}" more than once`,
          `"${scan.name}" appears more than once in the ${part}. Parsers disagree on which copy counts (JSON.parse keeps the last), so whoever checks the token and whoever acts on it could read different values: member names must be unique.`,
        ),
      }
    const value: unknown = scan.ok ? JSON.parse(text) : undefined
    if (!isObject(value))
      return { ok: false, failure: malformedJwt(name, `the ${part} is not a JSON object`) }
    decoded.push(value)
  }
  const [header = {}, payload = {}] = decoded
  return { ok: true, value: { header, payload } }
}
