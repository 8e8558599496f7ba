// Turns the sandbox throughput measurements into bench table rows: the sandbox against its floor, the
// server CPU each sequence costs, the peer, and (with Redis) one instance against two.
import { ms, times, type Row } from '../table.ts'
import type { MeasuredLoad, ThroughputResult } from './sandbox-throughput.ts'

/** Server-side signatures and verifications per exchange-then-call sequence, and per peer mint. */
export const SEQUENCE_OPS = { sign: 1, verify: 5 }
const PEER_OPS = 1

const perSecond = (load: MeasuredLoad, unit: string) => `${load.perSecond.toFixed(0)} ${unit}/s`
const failures = (load: MeasuredLoad) => Object.values(load.failed).reduce((sum, n) => sum + n, 0)
const failureNote = (load: MeasuredLoad) =>
  failures(load) === 0
    ? ''
    : `; ${failures(load)} failed (${Object.entries(load.failed)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ')})`

/**
 * The sandbox's figure over the floor's, round by round (each pair measured back to back, so a load that
 * drifts between rounds cancels out), and the median of those ratios.
 */
function pairedRatios(
  sandbox: MeasuredLoad[],
  floor: MeasuredLoad[],
  figure: (load: MeasuredLoad) => number,
): { median: number; rounds: string } {
  const ratios = sandbox.map((load, i) => figure(load) / figure(floor[i]!))
  const sorted = [...ratios].sort((a, b) => a - b)
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, rounds: ratios.map(times).join(', ') }
}

export function throughputRows(result: ThroughputResult, targetOverFloor: number): Row[] {
  const { sandbox, floor, peer, redis, options } = result
  const s = sandbox.median
  const f = floor.median
  const p = peer.median
  const rate = pairedRatios(sandbox.rounds, floor.rounds, (load) => load.perSecond)
  const cpu = pairedRatios(sandbox.rounds, floor.rounds, (load) => load.serverCpuMsPerOp)
  const ratio = rate.median
  const ops = SEQUENCE_OPS.sign + SEQUENCE_OPS.verify
  const shape = `${options.clients} clients, ${options.rounds} × ${(options.windowMs / 1000).toFixed(0)} s`
  const rows: Row[] = [
    {
      figure: `Sandbox: exchange-then-call sequences over HTTP, both DPoP proofs (${shape}); latency`,
      median: `${perSecond(s, 'seq')} · p50 ${ms(s.latency.median)}`,
      p95: ms(s.latency.p95),
      floor: `${perSecond(f, 'seq')} · p50 ${ms(f.latency.median)} (bare node:http, same ${SEQUENCE_OPS.sign} sign + ${SEQUENCE_OPS.verify} verify)`,
      ratio: times(ratio),
      target: `≥ ${targetOverFloor}× floor`,
      status:
        (ratio >= targetOverFloor ? 'met' : `missed: ${(targetOverFloor / ratio).toFixed(2)}× short`) +
        `; median of the rounds' ratios (${rate.rounds})${failureNote(s)}`,
    },
    {
      figure: 'Sandbox: server CPU per sequence (user + system, in the window)',
      median: ms(s.serverCpuMsPerOp),
      p95: '—',
      floor: `${ms(f.serverCpuMsPerOp)} (floor)`,
      ratio: times(cpu.median),
      target: 'reference',
      status: `info: steadier than rates on a shared machine (rounds ${cpu.rounds})`,
    },
    {
      figure: `Peer: oauth2-mock-server 8.2.3, client_credentials ES256 mints (${shape})`,
      median: `${perSecond(p, 'mint')} · p50 ${ms(p.latency.median)}`,
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
      median: `${perSecond(one, 'seq')} · ${perSecond(two, 'seq')}`,
      p95: `${ms(one.latency.p95)} · ${ms(two.latency.p95)}`,
      floor: `${perSecond(s, 'seq')} (memory, one instance)`,
      ratio: `${times(one.perSecond / s.perSecond)} · ${times(two.perSecond / s.perSecond)}`,
      target: 'reference',
      status: `info: two instances ${times(two.perSecond / one.perSecond)} one${failureNote(one)}${failureNote(two)}`,
    })
  }
  return rows
}
