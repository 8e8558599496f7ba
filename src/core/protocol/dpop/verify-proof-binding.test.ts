import { describe, expect, test } from 'vitest'
import { createDpopProof } from './create-proof.ts'
import { createNonceStore } from './nonce-store.ts'
import { createReplayCache } from './replay-cache.ts'
import { accessTokenHash } from './thumbprint.ts'
import type { Reason } from '../errors/reasons.ts'
import { agent, NOW, URL_A, verify, expectRefusal } from './dpop-test-fixture.ts'

describe('verifyDpopProof refuses proofs made for another request, time or token', () => {
  test('rejects a proof whose "htu" is not a URL', async () => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: '/repos/marwan/playground', iat: NOW })
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (9)',
      description: 'DPoP proof "htu" is not a valid URL',
      reason: 'dpop.htu_invalid',
    })
  })

  test.each<[string, number, string, Reason]>([
    ['too old', -301, 'DPoP proof "iat" is too old', 'dpop.iat_too_old'],
    ['in the future', 61, 'DPoP proof "iat" is in the future', 'dpop.iat_in_future'],
  ])('rejects a proof whose "iat" is %s', async (_name, offset, description, reason) => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW + offset })
    await expectRefusal(await verify([proof]), { spec: 'RFC 9449 §4.3 (11), §11.1', description, reason })
  })

  test('rejects a DPoP proof whose ath does not match the access token', async () => {
    const ath = await accessTokenHash('another-token')
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW, ath })
    await expectRefusal(await verify([proof], { accessToken: 'the-token' }), {
      spec: 'RFC 9449 §4.3 (12), §4.2',
      description: 'DPoP proof "ath" does not match the access token',
      reason: 'dpop.ath_mismatch',
    })
  })

  test('rejects a replayed proof: the same jti from the same key a second time', async () => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
    const replay = createReplayCache()
    expect((await verify([proof], { replay })).result.ok).toBe(true)
    const second = await verify([proof], { replay })
    await expectRefusal(
      { ...second, replay },
      {
        spec: 'RFC 9449 §11.1',
        description: 'DPoP proof "jti" has already been used',
        reason: 'dpop.replayed',
      },
    )
  })
})

describe('verifyDpopProof with server nonces', () => {
  test('accepts a proof carrying a nonce the server issued', async () => {
    const store = createNonceStore()
    const nonce = await store.issue(NOW)
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW, nonce })
    expect((await verify([proof], { nonce: { store } })).result.ok).toBe(true)
  })

  test.each([
    [400 as const, 'Authorization server requires nonce in DPoP proof', 'RFC 9449 §4.3 (10), §8'],
    [401 as const, 'Resource server requires nonce in DPoP proof', 'RFC 9449 §4.3 (10), §9'],
  ])('answers use_dpop_nonce with status %i when the nonce is missing', async (status, description, spec) => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
    await expectRefusal(await verify([proof], { status, nonce: { store: createNonceStore() } }), {
      code: 'use_dpop_nonce',
      status,
      spec,
      description,
      reason: 'dpop.nonce_required',
    })
  })

  test.each([
    ['one the server never issued', 'eyJ7S_zG.eyJH0-Z.HX4w-7v', NOW],
    ['one that expired', null, NOW + 301],
  ])('answers use_dpop_nonce for a nonce that is %s', async (_name, given, nowSeconds) => {
    const store = createNonceStore({ ttlSeconds: 300 })
    const nonce = given ?? (await store.issue(NOW))
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: nowSeconds, nonce })
    await expectRefusal(await verify([proof], { nowSeconds, nonce: { store } }), {
      code: 'use_dpop_nonce',
      spec: 'RFC 9449 §4.3 (10), §9',
      description: 'DPoP proof "nonce" is invalid or expired',
      reason: 'dpop.nonce_invalid',
    })
  })
})
