import { describe, expect, test } from 'vitest'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { createSigningKey } from '../keys/key-ring.ts'
import { NO_CHECK_LOG } from '../trace/check-log.ts'
import { createDpopProof } from './create-proof.ts'
import { createReplayCache } from './replay-cache.ts'
import { accessTokenHash } from './thumbprint.ts'
import { verifyDpopProof } from './verify-proof.ts'

const NOW = 1_767_225_600
const key = await createSigningKey()

describe('createDpopProof', () => {
  test('puts only typ, alg and the public jwk members kty, crv, x, y in the header', async () => {
    const proof = await createDpopProof(key, { htm: 'POST', htu: 'https://idp.example/token', iat: NOW })
    const { kty, crv, x, y } = key.publicJwk
    expect(decodeProtectedHeader(proof)).toEqual({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } })
  })

  test('carries htm, htu, iat and a random jti, and no ath or nonce unless given', async () => {
    const first = decodeJwt(await createDpopProof(key, { htm: 'GET', htu: 'https://rs.example/a', iat: NOW }))
    const second = decodeJwt(
      await createDpopProof(key, { htm: 'GET', htu: 'https://rs.example/a', iat: NOW }),
    )
    expect(first).toEqual({ jti: expect.any(String), htm: 'GET', htu: 'https://rs.example/a', iat: NOW })
    expect(first.jti).not.toBe(second.jti)
  })

  test('carries the given jti, ath and nonce', async () => {
    const ath = await accessTokenHash('token')
    const proof = await createDpopProof(key, {
      htm: 'GET',
      htu: 'https://rs.example/a',
      iat: NOW,
      jti: 'fixed',
      ath,
      nonce: 'n-1',
    })
    expect(decodeJwt(proof)).toMatchObject({ jti: 'fixed', ath, nonce: 'n-1' })
  })

  test('makes a proof that verifyDpopProof accepts, bound to the key thumbprint', async () => {
    const proof = await createDpopProof(key, {
      htm: 'GET',
      htu: 'https://rs.example/a',
      iat: NOW,
      ath: await accessTokenHash('token'),
    })
    const result = await verifyDpopProof({
      proofs: [proof],
      htm: 'GET',
      htu: 'https://rs.example/a',
      nowSeconds: NOW,
      accessToken: 'token',
      replay: createReplayCache(),
      status: 401,
      log: NO_CHECK_LOG,
    })
    expect(result.ok && result.value.jkt).toBe(key.kid)
  })
})
