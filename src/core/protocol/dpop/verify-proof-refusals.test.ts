import { describe, test } from 'vitest'
import { base64url, exportJWK, generateKeyPair } from 'jose'
import { createSigningKey } from '../keys/key-ring.ts'
import { createDpopProof } from './create-proof.ts'
import {
  AGENT_JWK,
  agent,
  EXAMPLE_TOKEN,
  goodClaims,
  goodHeader,
  NOW,
  signProof,
  TOKEN_URL,
  URL_A,
  V_DPOP_1,
  verify,
  expectRefusal,
} from './dpop-test-fixture.ts'

const thief = await createSigningKey()

describe('verifyDpopProof refuses the RFC 9449 example proof out of its context', () => {
  test('rejects V-DPOP-1 checked with today\'s clock, because its "iat" is years old', async () => {
    const outcome = await verify([V_DPOP_1], { htm: 'POST', htu: TOKEN_URL, status: 400 })
    await expectRefusal(outcome, {
      status: 400,
      spec: 'RFC 9449 §4.3 (11), §11.1',
      description: 'DPoP proof "iat" is too old',
      reason: 'dpop.iat_too_old',
    })
  })

  test('rejects V-DPOP-1 sent with GET, because its "htm" is POST', async () => {
    const outcome = await verify([V_DPOP_1], { htm: 'GET', htu: TOKEN_URL, nowSeconds: 1562262616 })
    await expectRefusal(outcome, {
      spec: 'RFC 9449 §4.3 (8)',
      description: 'DPoP proof "htm" does not match the request method',
      reason: 'dpop.htm_mismatch',
    })
  })

  test('rejects V-DPOP-1 sent to /token2, because its "htu" names /token', async () => {
    const outcome = await verify([V_DPOP_1], {
      htm: 'POST',
      htu: 'https://server.example.com/token2',
      nowSeconds: 1562262616,
    })
    await expectRefusal(outcome, {
      spec: 'RFC 9449 §4.3 (9)',
      description: 'DPoP proof "htu" does not match the request URL',
      reason: 'dpop.htu_mismatch',
    })
  })

  test('rejects V-DPOP-1 at a resource server with an access token, because it has no "ath"', async () => {
    const outcome = await verify([V_DPOP_1], {
      htm: 'POST',
      htu: TOKEN_URL,
      nowSeconds: 1562262616,
      accessToken: EXAMPLE_TOKEN,
    })
    await expectRefusal(outcome, {
      spec: 'RFC 9449 §4.3 (12), §4.2',
      description: 'DPoP proof "ath" is required with an access token',
      reason: 'dpop.ath_missing',
    })
  })
})

describe('verifyDpopProof refuses a request without exactly one well-formed proof', () => {
  test('rejects a request with no DPoP header', async () => {
    await expectRefusal(await verify([]), {
      spec: 'RFC 9449 §4.3 (1)',
      description: 'DPoP proof is missing',
      reason: 'dpop.missing',
    })
  })

  test('rejects a request with two DPoP headers', async () => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
    await expectRefusal(await verify([proof, proof]), {
      spec: 'RFC 9449 §4.3 (1)',
      description: 'Multiple "DPoP" headers',
      reason: 'dpop.multiple_proofs',
    })
  })

  test.each([
    ['a word', 'not-a-jwt'],
    ['two parts', 'eyJhbGciOiJFUzI1NiJ9.e30'],
    ['a JWE (five parts)', 'a.b.c.d.e'],
    ['a header that is not JSON', `${base64url.encode('nope')}.e30.sig`],
    ['claims that are not JSON', `${base64url.encode('{"alg":"ES256"}')}.${base64url.encode('[')}.sig`],
  ])('rejects a DPoP header holding %s instead of a JWT', async (_name, proof) => {
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (2)',
      description: 'DPoP proof is not a well-formed JWT',
      reason: 'dpop.malformed',
    })
  })
})

describe('verifyDpopProof refuses proofs that lack a required member', () => {
  test.each([
    ['claim', 'jti', 'a string'],
    ['claim', 'htm', 'a string'],
    ['claim', 'htu', 'a string'],
    ['claim', 'iat', 'a number'],
    ['header', 'typ', 'a string'],
    ['header', 'jwk', 'a JSON object'],
  ])('rejects a proof without the %s "%s"', async (part, name, kind) => {
    const header: Record<string, unknown> = goodHeader()
    const claims: Record<string, unknown> = goodClaims()
    delete (part === 'header' ? header : claims)[name]
    await expectRefusal(await verify([await signProof(header, claims, agent.privateKey)]), {
      spec: 'RFC 9449 §4.3 (3), §4.2',
      description: `DPoP proof ${part} "${name}" is missing or not ${kind}`,
      reason: 'dpop.missing_member',
    })
  })

  test('rejects a proof whose "iat" is a string', async () => {
    const proof = await signProof(goodHeader(), { ...goodClaims(), iat: String(NOW) }, agent.privateKey)
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (3), §4.2',
      description: 'DPoP proof claim "iat" is missing or not a number',
      reason: 'dpop.missing_member',
    })
  })
})

describe('verifyDpopProof refuses proofs of the wrong type, algorithm or key', () => {
  test.each(['JWT', 'at+jwt', 'dpop'])('rejects a proof whose "typ" is %s', async (typ) => {
    const proof = await signProof({ ...goodHeader(), typ }, goodClaims(), agent.privateKey)
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (4)',
      description: 'DPoP proof "typ" must be "dpop+jwt"',
      reason: 'dpop.typ',
    })
  })

  test('rejects an unsigned proof with "alg": "none", even if the caller lists none', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value))
    const proof = `${encode({ ...goodHeader(), alg: 'none' })}.${encode(goodClaims())}.`
    await expectRefusal(await verify([proof], { algorithms: ['none', 'ES256'] }), {
      spec: 'RFC 9449 §4.3 (5)',
      description: 'DPoP proof "alg" must not be "none"',
      reason: 'dpop.alg_none',
    })
  })

  test('rejects an HS256 proof, even if the caller lists HS256', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32))
    const proof = await signProof({ ...goodHeader(), alg: 'HS256' }, goodClaims(), secret)
    await expectRefusal(await verify([proof], { algorithms: ['HS256', 'ES256'] }), {
      spec: 'RFC 9449 §4.3 (5)',
      description: 'DPoP proof "alg" must be asymmetric, not "HS256"',
      reason: 'dpop.alg_symmetric',
    })
  })

  test('rejects an ES256 proof where only ES384 is accepted', async () => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
    await expectRefusal(await verify([proof], { algorithms: ['ES384'] }), {
      spec: 'RFC 9449 §4.3 (5)',
      description: 'DPoP proof "alg" "ES256" is not supported',
      reason: 'dpop.alg_unsupported',
    })
  })

  test('rejects a proof whose "jwk" carries the private key "d"', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const privateJwk = await exportJWK(privateKey)
    const proof = await signProof({ ...goodHeader(), jwk: privateJwk }, goodClaims(), privateKey)
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (7)',
      description: 'DPoP proof "jwk" contains private key material ("d")',
      reason: 'dpop.private_key',
    })
  })

  test('rejects a proof signed by a different key than the one in its "jwk"', async () => {
    const proof = await signProof(goodHeader(), goodClaims(), thief.privateKey)
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (6)',
      description: 'DPoP proof signature is invalid',
      reason: 'dpop.signature_invalid',
    })
  })

  test('rejects a proof whose claims were changed after signing', async () => {
    const [header, , signature] = (await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })).split(
      '.',
    )
    const forged = base64url.encode(JSON.stringify({ ...goodClaims(), htm: 'POST' }))
    await expectRefusal(await verify([`${header}.${forged}.${signature}`], { htm: 'POST' }), {
      spec: 'RFC 9449 §4.3 (6)',
      description: 'DPoP proof signature is invalid',
      reason: 'dpop.signature_invalid',
    })
  })

  test('rejects a proof whose "jwk" is not a key for its "alg"', async () => {
    const jwk = { kty: 'EC', crv: 'P-384', x: AGENT_JWK.x, y: AGENT_JWK.y }
    const proof = await signProof({ ...goodHeader(), jwk }, goodClaims(), agent.privateKey)
    await expectRefusal(await verify([proof]), {
      spec: 'RFC 9449 §4.3 (6)',
      description: 'DPoP proof "jwk" cannot verify an "ES256" signature',
      reason: 'dpop.key_unusable',
    })
  })
})
