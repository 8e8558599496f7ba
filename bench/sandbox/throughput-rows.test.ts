import { describe, expect, test } from 'vitest'
import type { MeasuredLoad, ThroughputResult } from './sandbox-throughput.ts'
import { throughputRows } from './throughput-rows.ts'

const load = (perSecond: number, failed: Record<string, number> = {}): MeasuredLoad => ({
  kind: 'sequence',
  clients: 20,
  ok: perSecond * 5,
  failed,
  windowMs: 5000,
  perSecond,
  latency: { n: perSecond * 5, median: 30, p95: 60, min: 10 },
  serverCpuMs: 5000,
  serverCpuMsPerOp: 1000 / perSecond,
})
const figures = (median: MeasuredLoad) => ({ median, rounds: [median] })
const result = (sandbox: MeasuredLoad, floor: MeasuredLoad, peer = load(1600)): ThroughputResult => ({
  options: { clients: 20, warmupMs: 2000, windowMs: 5000, rounds: 1 },
  sandbox: figures(sandbox),
  floor: figures(floor),
  peer: figures({ ...peer, kind: 'mint' }),
  redis: null,
})

describe('the sandbox throughput rows', () => {
  test('say the target is met when the sandbox runs at 0.7× the floor or better', () => {
    const [row] = throughputRows(result(load(700), load(1000)), 0.7)
    expect(row).toMatchObject({ ratio: '0.70×', status: "met; median of the rounds' ratios (0.70×)" })
  })

  test('say by how much the target is missed, and count the failed sequences', () => {
    const [row] = throughputRows(result(load(350, { 503: 4 }), load(1000)), 0.7)
    expect(row!.status).toBe("missed: 2.00× short; median of the rounds' ratios (0.35×); 4 failed (4× 503)")
  })

  test('compare with the peer per server-side signature or verification: six per sequence, one per mint', () => {
    const peer = throughputRows(result(load(500), load(1000), load(1500)), 0.7)[2]!
    expect(peer.ratio).toBe('ours 0.33× its rate; per server-side sign/verify 2.00×')
  })

  test('compare the sandbox with the floor round by round, so a load that drifts between rounds cancels out', () => {
    // The floor's rounds ran at 1000, 500 and 2000/s, the sandbox's beside them at 700, 350 and 1400/s.
    const rounds = (rates: number[]) => ({ median: load(rates[0]!), rounds: rates.map((rate) => load(rate)) })
    const drifting = {
      ...result(load(700), load(1000)),
      sandbox: rounds([700, 350, 1400]),
      floor: rounds([1000, 500, 2000]),
    }
    const [rate, cpu] = throughputRows(drifting, 0.7)
    expect(rate).toMatchObject({
      ratio: '0.70×',
      status: "met; median of the rounds' ratios (0.70×, 0.70×, 0.70×)",
    })
    expect(cpu!.ratio).toBe('1.43×')
  })

  test('add a Redis row only when Redis was measured', () => {
    const base = result(load(500), load(1000))
    expect(throughputRows(base, 0.7)).toHaveLength(3)
    const withRedis = { ...base, redis: { one: figures(load(400)), two: figures(load(600)) } }
    expect(throughputRows(withRedis, 0.7)[3]).toMatchObject({ ratio: '0.80× · 1.20×' })
  })
})
