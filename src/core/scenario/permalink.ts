// The link format: `#s=<version>.<base64url(deflate-raw(JSON of the change from the seed))>`.
import { base64url } from 'jose'
import { diffFromSeed } from './diff-from-seed.ts'
import { restoreScenario, type RestoredScenario } from './restore-scenario.ts'
import type { Scenario } from './scenario.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

export const PERMALINK_VERSION = 1
/** Links longer than this are refused unread: a shared scenario is a few hundred characters. */
export const MAX_PERMALINK_CHARS = 16 * 1024
/** Decompression stops here, so a small link can't expand into a large allocation. */
export const MAX_DECODED_BYTES = 256 * 1024

// A compact JWS anywhere in a string: a token must never travel in a link.
const JWS_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/

export interface EncodedPermalink {
  /** The fragment without `#`: `s=1.…`. */
  fragment: string
  /** What was left out of the link and why. */
  omitted: string[]
}

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  chunks.reduce((at, chunk) => (out.set(chunk, at), at + chunk.byteLength), 0)
  return out
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

const seedWith = (notice: string): RestoredScenario => ({
  scenario: structuredClone(SEED_SCENARIO),
  notices: [notice],
})

/**
 * Decodes a link fragment into a scenario, through {@link restoreScenario}. Never throws: a link
 * that is corrupt, truncated, oversized or from a newer version opens the nearest valid scenario
 * with a notice saying what was ignored. No fragment at all is the seed, with no notice.
 */
export async function decodePermalink(hash: string): Promise<RestoredScenario> {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash
  if (fragment === '') return { scenario: structuredClone(SEED_SCENARIO), notices: [] }
  if (fragment.length > MAX_PERMALINK_CHARS)
    return seedWith(
      `The link is longer than ${MAX_PERMALINK_CHARS / 1024} KiB and was not read; showing the seed scenario.`,
    )
  const match = /^s=(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(fragment)
  if (!match) return seedWith('The link is not a playground scenario link; showing the seed scenario.')
  const version = Number(match[1])
  const payload = match[2]!
  const newer =
    version > PERMALINK_VERSION
      ? [
          `The link is from a newer version of the playground (v${version}); showing what this version understands.`,
        ]
      : []
  if (version < 1) return seedWith(`The link's version (v${version}) is unknown; showing the seed scenario.`)
  if (payload === '') return { scenario: structuredClone(SEED_SCENARIO), notices: newer }
  let json: string
  try {
    const bytes = await pipe(
      base64url.decode(payload),
      new DecompressionStream('deflate-raw'),
      MAX_DECODED_BYTES,
    )
    if (bytes === null)
      return seedWith(
        `The link expands to more than ${MAX_DECODED_BYTES / 1024} KiB and was not read; showing the seed scenario.`,
      )
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return seedWith('The link is corrupt or truncated and could not be read; showing the seed scenario.')
  }
  let change: unknown
  try {
    change = JSON.parse(json)
  } catch {
    return seedWith('The link does not hold a valid scenario; showing the seed scenario.')
  }
  const restored = restoreScenario(
    typeof change === 'object' && change !== null && !Array.isArray(change)
      ? { ...change, version: 1 }
      : change,
  )
  return { scenario: restored.scenario, notices: [...newer, ...restored.notices] }
}
