// REDIS_URL → the stores several sandbox instances share; without it, each process keeps its own in memory.
import type { NonceStore } from '../../src/core/protocol/dpop/nonce-store.ts'
import type { ReplayCache } from '../../src/core/protocol/dpop/replay-cache.ts'
import type { AuditLog } from '../audit-ring.ts'
import { connectRedis } from './connect-redis.ts'
import { createRedisAuditLog, createRedisNonceStore, createRedisReplayCache } from './redis-stores.ts'

export interface SharedState {
  replay: ReplayCache
  nonces: NonceStore
  auditLog: AuditLog
  close(): Promise<void>
}

/** Connects to Redis and builds the shared stores, or says in one line why it can't. */
export async function openSharedState(
  redisUrl: string,
): Promise<{ ok: true; state: SharedState } | { ok: false; error: string }> {
  const connection = await connectRedis(redisUrl)
  if (!connection.ok) return connection
  const { redis } = connection
  return {
    ok: true,
    state: {
      replay: createRedisReplayCache(redis),
      nonces: createRedisNonceStore(redis),
      auditLog: createRedisAuditLog(redis),
      close: async () => {
        await redis.quit().catch(() => redis.disconnect())
      },
    },
  }
}
