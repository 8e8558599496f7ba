import { OAuth2Server } from 'oauth2-mock-server'
import { afterEach, describe, expect, test } from 'vitest'
import { createReplayCache } from '../../src/core/protocol/dpop/replay-cache.ts'
import { startTestSandbox } from '../../sandbox/sandbox-fixture.ts'
import { startFloorServer } from './floor-server.ts'
import { runLoad, type LoadOptions } from './load-client.ts'
import { loadInChild, startTarget } from './sandbox-throughput.ts'

// Every run is bounded by a number of sequences per client, never by time: the window is left wide open.
const bounded = (targets: string[], clients: number, perClient: number): LoadOptions => ({
  kind: 'sequence',
  targets,
  clients,
  warmupMs: 0,
  windowMs: 600_000,
  maxPerClient: perClient,
})

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

describe('the load client', () => {
  test('completes every exchange-then-call sequence against the sandbox, both DPoP proofs accepted', async () => {
    const sandbox = await startTestSandbox()
    stops.push(() => sandbox.close())
    const result = await runLoad(bounded([sandbox.issuer], 4, 5))
    expect(result).toMatchObject({ ok: 20, failed: {} })
    // Each sequence left one IdP line and one resource-server line, both accepting.
    const lines = await sandbox.sandbox.audit.recent(Date.now())
    expect(
      lines.filter((entry) => entry.by === 'resource-server' && !entry.line.includes('decision=deny')),
    ).toHaveLength(20)
  })

  test('counts a sequence refused on the way as failed, by status, never as done', async () => {
    // Room for three proofs: the first sequence to finish takes two, the next proof is refused (503).
    const sandbox = await startTestSandbox({ replay: createReplayCache({ maxEntries: 3 }) })
    stops.push(() => sandbox.close())
    const result = await runLoad(bounded([sandbox.issuer], 2, 5))
    expect(result.ok).toBe(1)
    expect(result.failed).toEqual({ 503: 9 })
    expect(result.failure).toContain('temporarily_unavailable')
  })

  test('runs the same sequences against the bare node:http floor', async () => {
    const floor = await startFloorServer()
    stops.push(() => floor.close())
    expect(await runLoad(bounded([floor.url], 3, 4))).toMatchObject({ ok: 12, failed: {} })
  })

  test('mints client_credentials tokens from the peer, oauth2-mock-server', async () => {
    const peer = new OAuth2Server()
    await peer.issuer.keys.generate('ES256')
    await peer.start(0, '127.0.0.1')
    stops.push(() => peer.stop())
    const result = await runLoad({ ...bounded([peer.issuer.url!], 3, 4), kind: 'mint' })
    expect(result).toMatchObject({ ok: 12, failed: {} })
  })
})

describe('the bench processes', () => {
  test('a server process and a load-client process complete the sequences and report server CPU', async () => {
    const floor = await startTarget('floor')
    stops.push(() => floor.stop())
    const { targets: _targets, ...options } = bounded([], 2, 3)
    const result = await loadInChild(options, [floor])
    expect(result).toMatchObject({ ok: 6, failed: {} })
    expect(result.serverCpuMs).toBeGreaterThan(0)
  })
})
