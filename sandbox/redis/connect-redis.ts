// Connects to the Redis behind REDIS_URL, and turns its failures into one error type the sandbox answers with 503.
import { Redis } from 'ioredis'

/** Thrown by every shared store when Redis can't answer: the request must be refused, never waved through. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis is unreachable: ${(cause as Error).message ?? String(cause)}`, { cause })
    this.name = 'StoreUnavailableError'
  }
}

/** Runs one Redis call; any failure becomes a {@link StoreUnavailableError}. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new StoreUnavailableError(error)
  }
}

export type RedisConnection = { ok: true; redis: Redis } | { ok: false; error: string }

/**
 * Connects once, before the sandbox listens: an unreachable Redis stops the start. After that, a lost
 * connection is retried in the background while every command fails at once (no offline queue, no
 * per-request retries), so requests that need Redis are refused quickly instead of hanging.
 */
export async function connectRedis(url: string, timeoutMs = 3_000): Promise<RedisConnection> {
  if (!URL.canParse(url) || !/^rediss?:$/.test(new URL(url).protocol))
    return { ok: false, error: `REDIS_URL must be a redis:// or rediss:// URL, not "${url}"` }
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  })
  // Failures surface through commands; unhandled, the event would crash the process. The socket's own
  // error (ECONNREFUSED, ENOTFOUND) says more than the command's "Connection is closed".
  let socketError: Error | undefined
  redis.on('error', (error: Error) => {
    socketError ??= error
  })
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    const shown = new URL(url)
    shown.password = shown.password ? '***' : ''
    return {
      ok: false,
      error: `cannot reach Redis at ${shown.href}: ${(socketError ?? (error as Error)).message}`,
    }
  }
  // Connected: from now on, reconnect in the background.
  redis.options.retryStrategy = (attempt) => Math.min(attempt * 100, 1_000)
  return { ok: true, redis }
}
