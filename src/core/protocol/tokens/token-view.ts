// A token as the playground shows it: encoded, with its decoded header and payload.
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { MAX_JWS_JSON_DEPTH } from './read-compact-jws.ts'
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
 * counts the decoded values the depth check visits.
 */
export function viewToken(encoded: string, meter?: WorkMeter): TokenView {
  return {
    encoded,
    header: tryDecode(() => decodeProtectedHeader(encoded) as Record<string, unknown>, meter),
    payload: tryDecode(() => decodeJwt(encoded) as Record<string, unknown>, meter),
  }
}
