// Order statistics for timing samples: medians and p95s, never a mean, since one GC pause skews a mean.

export interface Summary {
  n: number
  median: number
  p95: number
  min: number
}

/** The value at quantile `q` (0..1) of sorted samples, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1]!
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? NaN,
  }
}
