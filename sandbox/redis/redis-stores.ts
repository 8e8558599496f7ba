// The sandbox's single-use and shared state in Redis: DPoP replay cache, nonces and the audit log, for several instances.
import { base64url } from 'jose'
import type { Redis } from 'ioredis'
import type { NonceStore } from '../../src/core/protocol/dpop/nonce-store.ts'
import type { ReplayCache } from '../../src/core/protocol/dpop/replay-cache.ts'
import type { AuditEntry, AuditLog } from '../audit-ring.ts'
import { guarded } from './connect-redis.ts'

/**
 * `SET key 1 NX EXAT expiresAt`: the check and the remember are one atomic command, so two instances
 * racing the same proof can't both see it as fresh. Redis expires the key, so nothing is forgotten early.
 * @see RFC 9449 §11.1
 */
export function createRedisReplayCache(redis: Redis, prefix = 'sandbox:jti:'): ReplayCache {
  return {
    async checkAndRemember(key, expiresAt, nowSeconds) {
      // A key already past its expiry would be refused by Redis (EXAT in the past); it needs no memory.
      const at = Math.max(expiresAt, nowSeconds + 1)
      const set = await guarded(() => redis.set(`${prefix}${key}`, '1', 'EXAT', at, 'NX'))
      return set === 'OK' ? 'fresh' : 'replayed'
    },
  }
}

/**
 * Nonces any instance issued, valid at every instance until they expire (`SET … EX`).
 * @see RFC 9449 §8
 */
export function createRedisNonceStore(
  redis: Redis,
  { ttlSeconds = 300, prefix = 'sandbox:nonce:' } = {},
): NonceStore {
  return {
    async issue() {
      const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(16)))
      await guarded(() => redis.set(`${prefix}${nonce}`, '1', 'EX', ttlSeconds))
      return nonce
    },
    async isValid(nonce) {
      // base64url only: a crafted nonce can't reach another key space.
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(nonce)) return false
      return (await guarded(() => redis.exists(`${prefix}${nonce}`))) === 1
    },
  }
}

/** One audit list every instance appends to, trimmed to `maxEntries`; lines older than `maxAgeMs` are left out. */
export function createRedisAuditLog(
  redis: Redis,
  { key = 'sandbox:audit', maxEntries = 500, maxAgeMs = 15 * 60_000 } = {},
): AuditLog {
  return {
    push(entry) {
      // Decisions are already answered when their line is written; a lost line is reported, not fatal.
      redis
        .multi()
        .rpush(key, JSON.stringify(entry))
        .ltrim(key, -maxEntries, -1)
        .exec()
        .catch((error: Error) => console.error(`sandbox: audit line not stored in Redis: ${error.message}`))
    },
    async recent(now) {
      const lines = await guarded(() => redis.lrange(key, 0, -1))
      return lines.map((line) => JSON.parse(line) as AuditEntry).filter((entry) => now - entry.at <= maxAgeMs)
    },
  }
}
