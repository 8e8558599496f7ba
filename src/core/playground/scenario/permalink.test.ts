import fc from 'fast-check'
import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { applyPreset } from './apply-preset.ts'
import { decodePermalink } from './decode-permalink.ts'
import { encodePermalink } from './encode-permalink.ts'
import { MAX_PERMALINK_CHARS } from './permalink-format.ts'
import { PRESETS } from './presets.ts'
import { scenarioSchema } from './scenario-schema.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

const deflate = async (text: string) =>
  new Uint8Array(
    await new Response(
      new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  )

describe('permalinks', () => {
  test.each(PRESETS.map((preset) => [preset.id, preset] as const))(
    'round-trips the %s preset exactly',
    async (_id, preset) => {
      const scenario = applyPreset(preset)
      const { fragment, omitted } = await encodePermalink(scenario)
      expect(omitted).toEqual([])
      expect(await decodePermalink(`#${fragment}`)).toEqual({ scenario, notices: [] })
    },
  )

  test('the seed is just the version: s=1.', async () => {
    expect((await encodePermalink(SEED_SCENARIO)).fragment).toBe('s=1.')
  })

  test('the seed with one scope removed makes a short link', async () => {
    const { fragment } = await encodePermalink({
      ...SEED_SCENARIO,
      request: { ...SEED_SCENARIO.request, scope: 'read:repo' },
    })
    expect(fragment.length).toBeLessThan(60)
  })

  test('never carries the edited request, which holds tokens, and says so', async () => {
    const scenario = structuredClone(SEED_SCENARIO)
    scenario.edits.rawTokenRequest =
      'POST /token HTTP/1.1\n\nsubject_token=eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1In0.sig'
    const { fragment, omitted } = await encodePermalink(scenario)
    expect(fragment).toBe('s=1.')
    expect(omitted[0]).toMatch(/contains tokens/)
  })

  test('never carries a token pasted into the tampered claims', async () => {
    const scenario = structuredClone(SEED_SCENARIO)
    scenario.edits.tamperedClaims = '{"note":"eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln"}'
    const { fragment, omitted } = await encodePermalink(scenario)
    expect(fragment).toBe('s=1.')
    expect(omitted[0]).toMatch(/looks like a token/)
  })

  test.each<[string, string | (() => Promise<string>), RegExp]>([
    ['a fragment that is not a scenario link', '#view=dark', /not a playground scenario link/],
    ['junk characters', '#s=1.<script>alert(1)</script>', /not a playground scenario link/],
    ['an oversized link', `#s=1.${'A'.repeat(MAX_PERMALINK_CHARS)}`, /longer than 16 KiB/],
    ['a corrupt payload', '#s=1.AAAAAAAA', /corrupt or truncated/],
    [
      'a truncated payload',
      async () => (await encodePermalink(applyPreset(PRESETS[3]!))).fragment.slice(0, 30),
      /corrupt or truncated/,
    ],
    [
      'a payload that is not JSON',
      async () => `s=1.${base64url.encode(await deflate('not json'))}`,
      /does not hold a valid scenario/,
    ],
    [
      'a decompression bomb',
      async () => `s=1.${base64url.encode(await deflate(`{"user":{"sub":"${'a'.repeat(2_000_000)}"}}`))}`,
      /expands to more than 256 KiB/,
    ],
    ['version 0', '#s=0.', /version \(v0\) is unknown/],
  ])('opens the seed with a notice for %s', async (_name, link, notice) => {
    const { scenario, notices } = await decodePermalink(typeof link === 'string' ? link : await link())
    expect(scenario).toEqual(SEED_SCENARIO)
    expect(notices.join(' ')).toMatch(notice)
  })

  test('a link from a newer version keeps what this version understands, and says so', async () => {
    const payload = base64url.encode(await deflate('{"request":{"scope":"read:repo"},"hologram":true}'))
    const { scenario, notices } = await decodePermalink(`#s=2.${payload}`)
    expect(scenario.request.scope).toBe('read:repo')
    expect(notices).toEqual([
      expect.stringMatching(/newer version of the playground \(v2\)/),
      'Ignored unknown field "hologram".',
    ])
  })

  test('hostile strings in every field survive a round trip as plain data', async () => {
    const hostile =
      '"><img src=x onerror=alert(1)><script>alert(1)</script>{{constructor.constructor("alert(1)")()}}\u2028'
    const scenario = structuredClone(SEED_SCENARIO)
    scenario.user.sub = hostile
    scenario.actor.spiffeId = `javascript:${hostile}`
    scenario.request.scope = hostile
    scenario.request.audiences = [hostile]
    const { fragment } = await encodePermalink(scenario)
    expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]+$/)
    expect((await decodePermalink(fragment)).scenario).toEqual(scenario)
  })

  test('any string decodes to a valid scenario or the seed with a notice, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `s=1.${s}`),
          fc.base64String().map((s) => `#s=1.${s.replaceAll('=', '')}`),
        ),
        async (link) => {
          const { scenario, notices } = await decodePermalink(link)
          expect(scenarioSchema.safeParse(scenario).success).toBe(true)
          // Either the link held something restorable, or the seed opened with a notice saying why.
          if (notices.length === 0) expect(link.replace(/^#/, '')).toMatch(/^(s=\d+\.[A-Za-z0-9_-]*)?$/)
          expect(notices.length + (link.replace('#', '') === 's=1.' ? 1 : 0)).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
