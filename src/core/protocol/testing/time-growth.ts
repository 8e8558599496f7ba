// Test support: how a function's running time grows with its input, to catch super-linear work.

/** The fastest of `runs` timings of `work()`, in milliseconds: the minimum is the least noisy estimate. */
export async function fastestMs(work: () => unknown, runs = 5): Promise<number> {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

/**
 * Times `run` on an input of `small` and of `10 × small` units, each the fastest of five runs. Linear work
 * grows about 10×; quadratic work grows 100×. Callers allow a generous margin (for example 25×) above a
 * floor of a few milliseconds, under which timer noise dominates and nothing quadratic on a megabyte fits.
 */
export async function timeGrowth<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  small = 100_000,
): Promise<{ smallMs: number; largeMs: number }> {
  const smallInput = make(small)
  const largeInput = make(small * 10)
  // Warm up once on each, so the JIT has compiled the hot paths before anything is timed.
  await run(smallInput)
  await run(largeInput)
  return { smallMs: await fastestMs(() => run(smallInput)), largeMs: await fastestMs(() => run(largeInput)) }
}

/** The bound `largeMs` must stay under for a 10× larger input: 25× the small run, or a few ms of noise. */
export const linearBound = (smallMs: number, floorMs = 20): number => Math.max(25 * smallMs, floorMs)
