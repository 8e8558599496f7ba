// Scenario → Run of the seed against its crypto floor, interleaved; runs the same in Node and in a browser page.
import { createKeyRing } from '../../src/core/protocol/keys/key-ring.ts'
import { runScenario } from '../../src/core/playground/run-scenario.ts'
import { decisiveAudit, httpStepsTo } from '../../src/core/playground/run-views.ts'
import { SEED_SCENARIO } from '../../src/core/playground/scenario/seed-scenario.ts'
import { summarize, type Summary } from '../stats.ts'
import { countCryptoOps, type CryptoOpCounts } from './count-crypto-ops.ts'
import { prepareCryptoFloor } from './crypto-floor.ts'

export interface PipelineBenchOptions {
  runs: number
  warmup: number
}

export interface PipelineBenchResult {
  /** Milliseconds per seed Run. */
  pipeline: Summary
  /** Milliseconds per floor iteration: the same number of jose ES256 signs and verifies, alone. */
  floor: Summary
  /** median(pipeline) / median(floor). */
  ratio: number
  /** WebCrypto operations in one seed Run, and in one floor iteration. */
  ops: { pipeline: CryptoOpCounts; floor: CryptoOpCounts }
  /** The audit line of the last Run: proof that the pipeline really went end to end. */
  auditLine: string
}

/**
 * Times `runs` seed Runs and `runs` floor iterations, alternating which goes first in each pair, so that
 * drift (frequency scaling, GC pressure, JIT tiers) falls on both equally. Throws if the Run didn't end in
 * an allowed resource call: a broken pipeline must not produce a fast number.
 */
export async function benchPipeline({ runs, warmup }: PipelineBenchOptions): Promise<PipelineBenchResult> {
  const keys = await createKeyRing()
  const runOnce = () => runScenario(SEED_SCENARIO, { keys })

  let last = await runOnce()
  const pipelineOps = await countCryptoOps(async () => (last = await runOnce()))
  const lastCall = httpStepsTo(last, 'resource-server').at(-1)
  if (last.outcome.kind !== 'accepted' || lastCall?.http.response.status !== 200)
    throw new Error(
      `The seed Run did not end in an allowed resource call: ${decisiveAudit(last)?.line ?? 'no audit line'}`,
    )
  const floorOnce = await prepareCryptoFloor(last, keys, pipelineOps)
  const floorOps = await countCryptoOps(floorOnce)
  if (floorOps.sign !== pipelineOps.sign || floorOps.verify !== pipelineOps.verify)
    throw new Error(`The floor does ${JSON.stringify(floorOps)}, the pipeline ${JSON.stringify(pipelineOps)}`)

  for (let i = 0; i < warmup; i++) {
    await runOnce()
    await floorOnce()
  }
  const pipeline: number[] = []
  const floor: number[] = []
  const time = async (work: () => Promise<unknown>, into: number[]) => {
    const start = performance.now()
    await work()
    into.push(performance.now() - start)
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(runOnce, pipeline)
      await time(floorOnce, floor)
    } else {
      await time(floorOnce, floor)
      await time(async () => (last = await runOnce()), pipeline)
    }
  }
  const p = summarize(pipeline)
  const f = summarize(floor)
  return {
    pipeline: p,
    floor: f,
    ratio: p.median / f.median,
    ops: { pipeline: pipelineOps, floor: floorOps },
    auditLine: decisiveAudit(last)?.line ?? '',
  }
}
