// Remembers DPoP proof `jti` values until their proof can no longer be accepted, so a captured proof can't be sent twice.

/**
 * What a replay cache says about a key:
 * - `fresh`: never seen, and now remembered until its expiry;
 * - `replayed`: already remembered, so the proof is a replay;
 * - `full`: never seen, but it can't be remembered without forgetting a live key, so the proof must be refused.
 */
export type ReplayVerdict = 'fresh' | 'replayed' | 'full'

/**
 * The store behind the `jti` check. Async, so a shared store (Redis, a database) can stand behind it.
 * An implementation must never forget a key before `expiresAt`: a proof that became acceptable again
 * inside its window would be a replay. When it can't remember more, it answers `full`.
 * @see RFC 9449 §11.1
 */
export interface ReplayCache {
  /**
   * Checks `key` and, when fresh, remembers it until `expiresAt` (seconds since the epoch), atomically.
   * `nowSeconds` is the caller's clock, for stores that don't keep their own.
   */
  checkAndRemember(key: string, expiresAt: number, nowSeconds: number): Promise<ReplayVerdict>
}

export interface MemoryReplayCache extends ReplayCache {
  /** Keys remembered now, expired ones possibly included until the next check. */
  size(): number
}

export interface ReplayCacheOptions {
  /** Hard cap on remembered keys. While that many live keys are held, new proofs are refused. */
  maxEntries?: number
}

/**
 * An in-memory replay cache of one process, bounded in number and in time. Each key is kept until
 * the end of its proof's acceptance window and never evicted before: at capacity, new keys are refused
 * (`full`) instead of forgetting a live one, which would reopen its proof to replay.
 * @see RFC 9449 §11.1
 */
export function createReplayCache({ maxEntries = 10_000 }: ReplayCacheOptions = {}): MemoryReplayCache {
  const expiries = new Map<string, number>()
  // No remembered key expires before this time. Until the clock reaches it there is nothing to evict, so
  // the scan below runs at most once per clock second, however many proofs arrive (a flood costs no scans).
  let earliestExpiry = Number.POSITIVE_INFINITY

  function evictExpired(nowSeconds: number): void {
    if (nowSeconds < earliestExpiry) return
    earliestExpiry = Number.POSITIVE_INFINITY
    for (const [key, expiresAt] of expiries) {
      if (expiresAt <= nowSeconds) expiries.delete(key)
      else earliestExpiry = Math.min(earliestExpiry, expiresAt)
    }
  }

  return {
    checkAndRemember(key, expiresAt, nowSeconds) {
      evictExpired(nowSeconds)
      if (expiries.has(key)) return Promise.resolve('replayed')
      if (expiries.size >= maxEntries) return Promise.resolve('full')
      expiries.set(key, expiresAt)
      earliestExpiry = Math.min(earliestExpiry, expiresAt)
      return Promise.resolve('fresh')
    },
    size: () => expiries.size,
  }
}
