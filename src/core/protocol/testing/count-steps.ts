// Test support: the steps a metered parser takes on one input, to assert linear work without a clock.
import type { WorkMeter } from '../work-meter.ts'

/** Runs `work` once on `input` with a fresh meter and returns the steps it counted. */
export function stepsFor<T>(input: T, work: (input: T, meter: WorkMeter) => unknown): number {
  const meter: WorkMeter = { steps: 0 }
  work(input, meter)
  return meter.steps
}
