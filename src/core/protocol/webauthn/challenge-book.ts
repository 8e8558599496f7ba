// Single-use ceremony challenges: issued by the IdP, consumed by the first response that signs them.
import { isoBase64URL } from '@simplewebauthn/server/helpers'

export type ChallengeState = 'fresh' | 'reused' | 'unknown'

export interface ChallengeBook {
  /** A new random challenge (32 bytes, base64url), remembered as unused. */
  issue(): string
  /** Marks a challenge used; says whether it was fresh, already used, or never issued here. */
  consume(challenge: string): ChallengeState
}

/**
 * Challenges live in memory and are good for one response: a second response signing the same challenge
 * is a replay.
 * @see W3C WebAuthn Level 3 §13.4.3 (cryptographic challenges)
 */
export function createChallengeBook(random: (bytes: number) => Uint8Array = randomBytes): ChallengeBook {
  const unused = new Set<string>()
  const used = new Set<string>()
  return {
    issue() {
      const challenge = isoBase64URL.fromBuffer(random(32) as Uint8Array<ArrayBuffer>)
      unused.add(challenge)
      return challenge
    },
    consume(challenge) {
      if (unused.delete(challenge)) {
        used.add(challenge)
        return 'fresh'
      }
      return used.has(challenge) ? 'reused' : 'unknown'
    },
  }
}

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count))
}
