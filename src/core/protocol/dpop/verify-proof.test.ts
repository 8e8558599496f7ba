import { describe, expect, test } from 'vitest'
import { createDpopProof } from './create-proof.ts'
import {
  AGENT_JWK,
  agent,
  EXAMPLE_JKT,
  EXAMPLE_TOKEN,
  goodClaims,
  goodHeader,
  NOW,
  RESOURCE_URL,
  signProof,
  TOKEN_URL,
  URL_A,
  V_DPOP_1,
  V_DPOP_2,
  V_DPOP_3,
  verify,
} from './dpop-test-fixture.ts'

describe('verifyDpopProof with the RFC 9449 examples', () => {
  test.each([
    ['V-DPOP-1 (Fig. 4) at its iat', V_DPOP_1, 1562262616],
    ['V-DPOP-1 (Fig. 4) 300 s after its iat', V_DPOP_1, 1562262616 + 300],
    ['V-DPOP-2 (Fig. 7) at its iat', V_DPOP_2, 1562265296],
  ])('accepts %s for POST /token, bound to the example key', async (_name, proof, nowSeconds) => {
    const { result } = await verify([proof], { htm: 'POST', htu: TOKEN_URL, nowSeconds, status: 400 })
    expect(result.ok && result.value.jkt).toBe(EXAMPLE_JKT)
  })

  test('accepts V-DPOP-3 (Fig. 14) with the example access token at the resource server', async () => {
    const { result, checks } = await verify([V_DPOP_3], {
      htu: RESOURCE_URL,
      nowSeconds: 1562262618,
      accessToken: EXAMPLE_TOKEN,
    })
    expect(result.ok && result.value.jkt).toBe(EXAMPLE_JKT)
    expect(result.ok && result.value.payload.ath).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo')
    expect(checks.map((check) => check.spec)).toEqual([
      'RFC 9449 §4.3 (1)',
      'RFC 9449 §4.3 (2)',
      'RFC 9449 §4.3 (3), §4.2',
      'RFC 9449 §4.3 (4)',
      'RFC 9449 §4.3 (5)',
      'RFC 9449 §4.3 (7)',
      'RFC 9449 §4.3 (6)',
      'RFC 9449 §4.3 (8)',
      'RFC 9449 §4.3 (9)',
      'RFC 9449 §4.3 (10)',
      'RFC 9449 §4.3 (11), §11.1',
      'RFC 9449 §4.3 (12), §4.2',
      'RFC 9449 §11.1',
    ])
    expect(checks.every((check) => check.ok && check.by === 'resource-server')).toBe(true)
  })
})

describe('verifyDpopProof round trips', () => {
  test('accepts a fresh proof from createDpopProof and returns its key thumbprint', async () => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
    const { result } = await verify([proof])
    expect(result.ok && result.value).toMatchObject({ jkt: agent.kid, jwk: AGENT_JWK })
  })

  test.each([
    [
      '"htu" with default port and upper-case host',
      'https://API.github.com:443/repos/marwan/playground',
      URL_A,
    ],
    ['request URL with query and fragment', URL_A, `${URL_A}?page=2#top`],
    ['"htu" with a query', `${URL_A}?page=1`, URL_A],
  ])('accepts a proof whose %s, after normalization', async (_name, htu, requestUrl) => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu, iat: NOW })
    expect((await verify([proof], { htu: requestUrl })).result.ok).toBe(true)
  })

  test.each([
    ['made 300 s ago', -300],
    ['dated 60 s ahead', 60],
  ])('accepts a proof %s, at the edge of the window', async (_name, offset) => {
    const proof = await createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW + offset })
    expect((await verify([proof])).result.ok).toBe(true)
  })

  test('accepts a proof whose "typ" is written application/dpop+jwt (RFC 7515 §4.1.9)', async () => {
    const proof = await signProof(
      { ...goodHeader(), typ: 'application/dpop+jwt' },
      goodClaims(),
      agent.privateKey,
    )
    expect((await verify([proof])).result.ok).toBe(true)
  })
})
