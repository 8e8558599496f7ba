// Turns the sandbox throughput measurements into bench table rows: the sandbox against its floor, the
// server CPU each sequence costs, the peer, and (with Redis) one instance against two.
import { ms, times, type Row } from '../table.ts'
import type { MeasuredLoad, ThroughputResult } from './sandbox-throughput.ts'

/** Server-side signatures and verifications per exchange-then-call sequence, and per peer mint. */
export const SEQUENCE_OPS = { sign: 1, verify: 5 }
const PEER_OPS = 1

const rate = (load: MeasuredLoad, unit: string) => `${load.perSecond.toFixed(0)} ${unit}/s`
const failures = (load: MeasuredLoad) => Object.values(load.failed).reduce((sum, n) => sum + n, 0)
const failureNote = (load: MeasuredLoad) =>
  failures(load) === 0
    ? ''
    : `; ${failures(load)} failed (${Object.entries(load.failed)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ')})`

export function throughputRows(result: ThroughputResult, targetOverFloor: number): Row[] {
  const { sandbox, floor, peer, redis, options } = result
  const s = sandbox.median
  const f = floor.median
  const p = peer.median
  const ratio = s.perSecond / f.perSecond
  const ops = SEQUENCE_OPS.sign + SEQUENCE_OPS.verify
  const shape = `${options.clients} clients, ${options.rounds} × ${(options.windowMs / 1000).toFixed(0)} s`
  const rows: Row[] = [
    {
      figure: `Sandbox: exchange-then-call sequences over HTTP, both DPoP proofs (${shape}); latency`,
      median: `${rate(s, 'seq')} · p50 ${ms(s.latency.median)}`,
      p95: ms(s.latency.p95),
      floor: `${rate(f, 'seq')} · p50 ${ms(f.latency.median)} (bare node:http, same ${SEQUENCE_OPS.sign} sign + ${SEQUENCE_OPS.verify} verify)`,
      ratio: times(ratio),
      target: `≥ ${targetOverFloor}× floor`,
      status:
        (ratio >= targetOverFloor ? 'met' : `missed: ${(targetOverFloor / ratio).toFixed(2)}× short`) +
        failureNote(s),
    },
    {
      figure: 'Sandbox: server CPU per sequence (user + system, in the window)',
      median: ms(s.serverCpuMsPerOp),
      p95: '—',
      floor: `${ms(f.serverCpuMsPerOp)} (floor)`,
      ratio: times(s.serverCpuMsPerOp / f.serverCpuMsPerOp),
      target: 'reference',
      status: 'info: steadier than rates on a shared machine',
    },
    {
      figure: `Peer: oauth2-mock-server 8.2.3, client_credentials ES256 mints (${shape})`,
      median: `${rate(p, 'mint')} · p50 ${ms(p.latency.median)}`,
      p95: ms(p.latency.p95),
      floor: `server CPU ${ms(p.serverCpuMsPerOp)} per mint`,
      ratio: `ours ${times(s.perSecond / p.perSecond)} its rate; per server-side sign/verify ${times((s.perSecond * ops) / (p.perSecond * PEER_OPS))}`,
      target: 'reference',
      status: `info: a sequence makes ${ops} signatures/verifications, a mint ${PEER_OPS}${failureNote(p)}`,
    },
  ]
  if (redis) {
    const one = redis.one.median
    const two = redis.two.median
    rows.push({
      figure: 'Sandbox with Redis (REDIS_URL): one instance · two sharing it',
      median: `${rate(one, 'seq')} · ${rate(two, 'seq')}`,
      p95: `${ms(one.latency.p95)} · ${ms(two.latency.p95)}`,
      floor: `${rate(s, 'seq')} (memory, one instance)`,
      ratio: `${times(one.perSecond / s.perSecond)} · ${times(two.perSecond / s.perSecond)}`,
      target: 'reference',
      status: `info: two instances ${times(two.perSecond / one.perSecond)} one${failureNote(one)}${failureNote(two)}`,
    })
  }
  return rows
}
