// A token as the playground shows it: encoded, with its decoded header and payload.
import { base64url, decodeJwt, decodeProtectedHeader } from 'jose'
import { MAX_JWS_JSON_DEPTH } from './read-compact-jws.ts'
import { scanJsonMembers } from './scan-json-members.ts'
import type { WorkMeter } from '../work-meter.ts'

export interface TokenView {
  encoded: string
  /** Decoded JOSE header, or null when the token isn't a readable JWS. */
  header: Record<string, unknown> | null
  /** Decoded claims, or null when they aren't a readable JSON object. */
  payload: Record<string, unknown> | null
}

/**
 * True when non-empty containers nest deeper than `max`, counted as readCompactJws counts them (an empty
 * `{}` or `[]` holds nothing deeper). Iterative, so the check itself can't overflow the stack.
 */
function nestsDeeperThan(value: unknown, max: number, meter?: WorkMeter): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (meter) meter.steps++
    const [current, depth] = next
    if (typeof current !== 'object' || current === null) continue
    const children = Object.values(current)
    if (children.length > 0 && depth > max) return true
    for (const child of children) stack.push([child, depth + 1])
  }
  return false
}

const lenientUtf8 = new TextDecoder()

/** The header (0) or payload (1) segment of a compact JWS, found without splitting the whole string. */
function segment(encoded: string, index: 0 | 1): string {
  const firstDot = encoded.indexOf('.')
  if (firstDot === -1) return index === 0 ? encoded : ''
  if (index === 0) return encoded.slice(0, firstDot)
  const secondDot = encoded.indexOf('.', firstDot + 1)
  return encoded.slice(firstDot + 1, secondDot === -1 ? undefined : secondDot)
}

/**
 * True when the segment's JSON nests deeper than readCompactJws allows, found by the linear scanner
 * before JSON.parse sees it: V8's JSON.parse slows down super-linearly on deep nesting (about 18× the
 * time for 10× the depth), so a megabyte of brackets must never reach it.
 */
function segmentTooDeep(encoded: string, index: 0 | 1, meter?: WorkMeter): boolean {
  let text: string
  try {
    text = lenientUtf8.decode(base64url.decode(segment(encoded, index)))
  } catch {
    return false // Not base64url: jose refuses it too.
  }
  const scan = scanJsonMembers(text, MAX_JWS_JSON_DEPTH, meter)
  return !scan.ok && scan.problem === 'depth'
}

function tryDecode(decode: () => Record<string, unknown>, meter?: WorkMeter): Record<string, unknown> | null {
  try {
    const value = decode()
    // Too deep to show: rendering or JSON.stringify would overflow the stack on it.
    return nestsDeeperThan(value, MAX_JWS_JSON_DEPTH, meter) ? null : value
  } catch {
    return null
  }
}

/**
 * Decodes without verifying: for display only, never for a decision. Never throws. A `meter`, when given,
 * counts the scanner's steps and the decoded values the depth check visits.
 */
export function viewToken(encoded: string, meter?: WorkMeter): TokenView {
  return {
    encoded,
    header: segmentTooDeep(encoded, 0, meter)
      ? null
      : tryDecode(() => decodeProtectedHeader(encoded) as Record<string, unknown>, meter),
    payload: segmentTooDeep(encoded, 1, meter)
      ? null
      : tryDecode(() => decodeJwt(encoded) as Record<string, unknown>, meter),
  }
}
