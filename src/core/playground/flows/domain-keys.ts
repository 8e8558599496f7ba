// Signing keys for the servers only the newer flows have (domain B's AS, the Transaction Token Service), one set per key ring.
import { createSigningKey, publicJwks, type KeyRing, type SigningKey } from '../../protocol/keys/key-ring.ts'

export interface DomainKeys {
  domainB: SigningKey
  tts: SigningKey
  jwks: { domainB: ReturnType<typeof publicJwks>; tts: ReturnType<typeof publicJwks> }
}

const byRing = new WeakMap<KeyRing, Promise<DomainKeys>>()

/** Made on first use and kept with the ring, so every run of a page verifies against the same keys. */
export function domainKeys(ring: KeyRing): Promise<DomainKeys> {
  let keys = byRing.get(ring)
  if (!keys) {
    keys = Promise.all([createSigningKey(), createSigningKey()]).then(([domainB, tts]) => ({
      domainB,
      tts,
      jwks: { domainB: publicJwks(domainB), tts: publicJwks(tts) },
    }))
    byRing.set(ring, keys)
  }
  return keys
}
