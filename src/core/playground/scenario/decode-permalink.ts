// Decodes a link fragment into a scenario, through the one door for untrusted input.
import { base64url } from 'jose'
import { MAX_DECODED_BYTES, MAX_PERMALINK_CHARS, PERMALINK_VERSION, pipe } from './permalink-format.ts'
import { restoreScenario, type RestoredScenario } from './restore-scenario.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

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
