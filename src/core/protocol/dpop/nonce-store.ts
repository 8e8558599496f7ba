// Server-issued DPoP nonces: random, short-lived, and bounded in number.
import { base64url } from 'jose'

export interface NonceStoreOptions {
  ttlSeconds?: number
  maxEntries?: number
}

/** Where server nonces live. Async, so a shared store (Redis, a database) can stand behind it. */
export interface NonceStore {
  /** A fresh nonce to send in the `DPoP-Nonce` response header. */
  issue(nowSeconds: number): Promise<string>
  /** Whether `nonce` was issued here and has not expired. A nonce may be reused until it expires. */
  isValid(nonce: string, nowSeconds: number): Promise<boolean>
}

/**
 * Issues and checks nonces, which limit how long a pre-generated proof stays usable.
 * @see RFC 9449 §8
 * @see RFC 9449 §9
 */
export function createNonceStore({
  ttlSeconds = 300,
  maxEntries = 1000,
}: NonceStoreOptions = {}): NonceStore {
  const issuedAt = new Map<string, number>()

  return {
    issue(nowSeconds) {
      // 128 bits of randomness: unguessable, and base64url keeps it inside the NQCHAR set of §8.1.
      const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(16)))
      for (const [value, at] of issuedAt) {
        if (nowSeconds - at > ttlSeconds) issuedAt.delete(value)
      }
      while (issuedAt.size >= maxEntries) {
        const oldest = issuedAt.keys().next()
        if (oldest.done) break
        issuedAt.delete(oldest.value)
      }
      issuedAt.set(nonce, nowSeconds)
      return Promise.resolve(nonce)
    },
    isValid(nonce, nowSeconds) {
      const at = issuedAt.get(nonce)
      return Promise.resolve(at !== undefined && nowSeconds - at <= ttlSeconds)
    },
  }
}
