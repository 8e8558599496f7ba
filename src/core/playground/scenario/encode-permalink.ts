// Encodes a scenario as a link fragment: the change from the seed, compressed, never a token.
import { base64url } from 'jose'
import { diffFromSeed } from './diff-from-seed.ts'
import { PERMALINK_VERSION, pipe } from './permalink-format.ts'
import type { Scenario } from './scenario.ts'

// A compact JWS anywhere in a string: a token must never travel in a link.
const JWS_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/

export interface EncodedPermalink {
  /** The fragment without `#`: `s=1.…`. */
  fragment: string
  /** What was left out of the link and why. */
  omitted: string[]
}

/**
 * Encodes the scenario's change from the seed. The edited raw request is never included: it
 * holds the tokens, and tokens are derived again from the scenario on the other side.
 */
export async function encodePermalink(scenario: Scenario): Promise<EncodedPermalink> {
  const omitted: string[] = []
  const shared = structuredClone(scenario)
  if (shared.edits.rawTokenRequest !== null) {
    shared.edits.rawTokenRequest = null
    omitted.push('The edited request was left out: it contains tokens, which a link must never carry.')
  }
  if (shared.edits.tamperedClaims !== null && JWS_LIKE.test(shared.edits.tamperedClaims)) {
    shared.edits.tamperedClaims = null
    omitted.push('The tampered claims were left out: they contain something that looks like a token.')
  }
  const change = diffFromSeed(shared)
  if (Object.keys(change).length === 0) return { fragment: `s=${PERMALINK_VERSION}.`, omitted }
  const packed = await pipe(
    new TextEncoder().encode(JSON.stringify(change)),
    new CompressionStream('deflate-raw'),
    Infinity,
  )
  return { fragment: `s=${PERMALINK_VERSION}.${base64url.encode(packed!)}`, omitted }
}
