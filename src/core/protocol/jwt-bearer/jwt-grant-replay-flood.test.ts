// A full replay cache refuses new JWT grants (503) rather than forget one already redeemed (RFC 7523 §3 (7)).
import { SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createSigningKey, publicJwks } from '../keys/key-ring.ts'
import { verifyJwtGrant } from './verify-jwt-grant.ts'

const NOW = 1_778_451_181
const ISSUER = 'https://idp.a.example'
const AS = 'https://as.b.example'
const key = await createSigningKey()

const grant = () =>
  new SignJWT({ scope: 'read:repo' })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
    .setIssuer(ISSUER)
    .setSubject('u_marwan')
    .setAudience(AS)
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 60)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey)

describe('a JWT authorization grant when the replay cache is full of unexpired grants', () => {
  test('is refused as temporarily_unavailable, and the grants already redeemed stay refused', async () => {
    const rules = {
      audience: AS,
      trustedIssuers: { [ISSUER]: publicJwks(key) },
      nowSeconds: NOW,
      replay: createReplayCache({ maxEntries: 2 }),
    }
    const redeemed = await grant()
    expect((await verifyJwtGrant(redeemed, rules)).ok).toBe(true)
    expect((await verifyJwtGrant(await grant(), rules)).ok).toBe(true)

    const refused = await verifyJwtGrant(await grant(), rules)
    expect(refused.ok || refused.error).toMatchObject({
      code: 'temporarily_unavailable',
      status: 503,
      reason: 'chain.grant_replay_cache_full',
    })
    const replayed = await verifyJwtGrant(redeemed, rules)
    expect(replayed.ok || replayed.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.grant_replayed',
    })
  })
})
