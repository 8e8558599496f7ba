// Remembers DPoP proof `jti` values for a while, so a captured proof can't be sent twice.

export interface ReplayCacheOptions {
  /** Hard cap on remembered entries; the oldest go first when full. */
  maxEntries?: number
  /** How long an entry is remembered. Keep it above the proof `iat` window (300 s + 60 s skew by default). */
  ttlSeconds?: number
}

export interface ReplayCache {
  /** True when `key` is fresh (and is now remembered), false when it was already seen: a replay. */
  checkAndRemember(key: string, nowSeconds: number): boolean
  size(): number
}

/**
 * A replay cache bounded in time and size. An entry only needs to outlive the window in which the
 * proof's `iat` is accepted: after that the proof is refused as too old anyway.
 * @see RFC 9449 §11.1
 */
export function createReplayCache({
  maxEntries = 10_000,
  ttlSeconds = 600,
}: ReplayCacheOptions = {}): ReplayCache {
  // A Map iterates in insertion order, so its first entries are the oldest.
  const expiries = new Map<string, number>()

  function evictExpired(nowSeconds: number): void {
    // Entries go in with the same TTL as time moves on, so they expire in insertion order: stop at the
    // first live one instead of scanning up to maxEntries on every request. A clock that steps back
    // only keeps some entries a little longer, which errs on the side of catching replays.
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > nowSeconds) break
      expiries.delete(key)
    }
  }

  return {
    checkAndRemember(key, nowSeconds) {
      evictExpired(nowSeconds)
      if (expiries.has(key)) return false
      // When full, forget the oldest: bounded memory matters more here than catching a replay of the
      // oldest proofs, which RFC 9449 §11.1 leaves to the server to weigh.
      while (expiries.size >= maxEntries) {
        const oldest = expiries.keys().next()
        if (oldest.done) break
        expiries.delete(oldest.value)
      }
      expiries.set(key, nowSeconds + ttlSeconds)
      return true
    },
    size: () => expiries.size,
  }
}
