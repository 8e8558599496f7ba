// One server under load, in its own process: `sandbox`, the `floor` or the `peer` (oauth2-mock-server).
// Started by sandbox-throughput.ts with fork(); reports its URL over IPC, its CPU time and a CPU profile of
// the measured window when asked, and stops on "stop" or disconnect.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { createReplayCache } from '../../src/core/protocol/dpop/replay-cache.ts'
import { openSharedState } from '../../sandbox/redis/shared-state.ts'
import { DEMO_INTROSPECTION_SECRET } from '../../sandbox/sandbox-config.ts'
import { printAuditToStdout } from '../../sandbox/print-audit.ts'
import { startSandbox } from '../../sandbox/start-sandbox.ts'
import { startFloorServer } from './floor-server.ts'

export type TargetKind = 'sandbox' | 'floor' | 'peer'

/**
 * The sandbox's default replay cache holds 10,000 live proofs (300 s each); a bench sending ~1,000 proofs
 * a second would fill it in seconds and measure 503s. The bench's sandbox keeps the same cache with room
 * for its whole run; every other setting is `npm run sandbox`'s default.
 */
const BENCH_REPLAY_ENTRIES = 2_000_000

async function start(kind: TargetKind): Promise<{ url: string; close(): Promise<void> }> {
  if (kind === 'floor') return startFloorServer()
  if (kind === 'peer') {
    // Imported only here, so the sandbox's and the floor's processes don't load Express.
    const { OAuth2Server } = await import('oauth2-mock-server')
    const peer = new OAuth2Server()
    await peer.issuer.keys.generate('ES256')
    await peer.start(0, '127.0.0.1')
    return { url: peer.issuer.url!, close: () => peer.stop() }
  }
  const redisUrl = process.env.REDIS_URL?.trim()
  const shared = redisUrl ? await openSharedState(redisUrl) : undefined
  if (shared && !shared.ok) throw new Error(shared.error)
  const state = shared?.state
  const running = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    introspectionSecret: DEMO_INTROSPECTION_SECRET,
    replay: state?.replay ?? createReplayCache({ maxEntries: BENCH_REPLAY_ENTRIES }),
    ...(state ? { nonces: state.nonces, auditLog: state.auditLog } : {}),
    // As `npm run sandbox` does: every decision's audit line goes to stdout (the bench discards it).
    onAudit: printAuditToStdout().print,
  })
  return {
    url: running.issuer,
    close: async () => {
      await running.close()
      await state?.close()
    },
  }
}

const kind = process.argv[2] as TargetKind
const running = await start(kind)
let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  void running.close().finally(() => process.exit(0))
}
// A CPU profile of the measured window only (not the start-up), when the bench asks for one.
const profiler = new Session()
profiler.connect()
const post = (method: string) =>
  new Promise<unknown>((resolve, reject) =>
    profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))),
  )

process.on('message', (message: string) => {
  if (message === 'stop') stop()
  if (message === 'profile:start') void post('Profiler.enable').then(() => post('Profiler.start'))
  if (message.startsWith('profile:stop ')) {
    const path = message.slice('profile:stop '.length)
    void post('Profiler.stop').then((result) => {
      writeFileSync(path, JSON.stringify((result as { profile: unknown }).profile))
      process.send!({ profiled: path })
    })
  }
  // CPU time used by this process so far, sampled by the bench when the load's window opens and closes.
  if (message === 'cpu') process.send!({ cpu: process.cpuUsage() })
})
process.on('disconnect', stop)
process.send!({ url: running.url })
