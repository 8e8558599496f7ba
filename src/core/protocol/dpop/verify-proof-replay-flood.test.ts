import { describe, expect, test } from 'vitest'
import { createSigningKey } from '../keys/key-ring.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { createDpopProof } from './create-proof.ts'
import { NOW, URL_A } from './dpop-test-fixture.ts'
import { createReplayCache, type ReplayCache } from './replay-cache.ts'
import { verifyDpopProof } from './verify-proof.ts'

const victim = await createSigningKey()
const attacker = await createSigningKey()

const check = (proof: string, replay: ReplayCache, nowSeconds: number) =>
  verifyDpopProof({
    proofs: [proof],
    htm: 'GET',
    htu: URL_A,
    nowSeconds,
    replay,
    status: 401,
    log: createCheckLog('resource-server', []),
  })

describe('a flood of proofs past the replay cache capacity', () => {
  test('never makes an accepted proof acceptable again inside its iat window', async () => {
    const replay = createReplayCache({ maxEntries: 5 })
    const captured = await createDpopProof(victim, { htm: 'GET', htu: URL_A, iat: NOW })
    expect((await check(captured, replay, NOW)).ok).toBe(true)

    // The attacker needs no token: proofs of its own key, each with a fresh jti.
    const verdicts: string[] = []
    for (let i = 0; i < 20; i++) {
      const junk = await createDpopProof(attacker, { htm: 'GET', htu: URL_A, iat: NOW + 1 })
      const result = await check(junk, replay, NOW + 1)
      verdicts.push(
        result.ok ? 'accepted' : `${result.error.status} ${result.error.code} ${result.error.reason}`,
      )
    }
    // Past capacity the new proofs are refused, not the old ones forgotten.
    expect(verdicts.slice(0, 4)).toEqual(Array(4).fill('accepted'))
    expect(verdicts.slice(4)).toEqual(Array(16).fill('503 temporarily_unavailable dpop.replay_cache_full'))

    const replayed = await check(captured, replay, NOW + 8)
    expect(replayed.ok).toBe(false)
    if (replayed.ok) return
    expect(replayed.error).toMatchObject({ code: 'invalid_dpop_proof', status: 401, reason: 'dpop.replayed' })
    expect(replayed.error.description).toBe('DPoP proof "jti" has already been used')
  })
})
