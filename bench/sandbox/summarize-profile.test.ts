import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { summarizeProfile } from './summarize-profile.ts'

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url },
  children,
})

/** root → handler (sandbox/) → jose → node:crypto; root → (idle); root → hono's adapter alone. */
function writeProfile(samples: number[]): string {
  const nodes = [
    frame(1, '(root)', '', [2, 5, 6]),
    frame(2, 'route', 'file:///repo/sandbox/create-sandbox.ts', [3]),
    frame(3, 'jwtVerify', 'file:///repo/node_modules/jose/dist/webapi/jwt/verify.js', [4]),
    frame(4, 'signVerify', 'node:internal/crypto/webcrypto'),
    frame(5, '(idle)', ''),
    frame(6, 'responseViaResponseObject', 'file:///repo/node_modules/@hono/node-server/dist/index.mjs'),
  ]
  const path = join(mkdtempSync(join(tmpdir(), 'profile-')), 'p.cpuprofile')
  writeFileSync(path, JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 1000) }))
  return path
}

describe('the profile summary', () => {
  test('charges library and Node work to the project code that asked for it, and leaves idle out', () => {
    // Two samples in node:crypto under the sandbox's route, one in Hono's adapter, one idle.
    const summary = summarizeProfile(writeProfile([4, 4, 6, 5]))
    expect(summary.totalMs).toBe(4)
    expect(summary.busy).toBe(0.75)
    expect(summary.owners).toEqual([
      { name: 'route (create-sandbox.ts)', share: 2 / 3 },
      { name: '[@hono/node-server]', share: 1 / 3 },
    ])
    expect(summary.areas.map((area) => area.name)).toEqual(['sandbox', '@hono/node-server'])
  })
})
