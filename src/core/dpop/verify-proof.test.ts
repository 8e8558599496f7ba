import { describe, expect, test } from 'vitest'
import { SignJWT, type JWTHeaderParameters } from 'jose'
import { createSigningKey } from '../keys/key-ring.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { createDpopProof } from './create-proof.ts'
import { createReplayCache } from './replay-cache.ts'
import { verifyDpopProof, type DpopVerifyOptions } from './verify-proof.ts'

// RFC 9449 example proofs (V-DPOP-1/2/3 in /work/shared/RFC-VECTORS.md).
const EXAMPLE_HEADER =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19'
const V_DPOP_1 = `${EXAMPLE_HEADER}.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg`
const V_DPOP_2 = `${EXAMPLE_HEADER}.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjY1Mjk2fQ.pAqut2IRDm_De6PR93SYmGBPXpwrAk90e8cP2hjiaG5QsGSuKDYW7_X620BxqhvYC8ynrrvZLTk41mSRroapUA`
const V_DPOP_3 = `${EXAMPLE_HEADER}.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA`
const EXAMPLE_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
const EXAMPLE_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
const TOKEN_URL = 'https://server.example.com/token'
const RESOURCE_URL = 'https://resource.example.org/protectedresource'

const NOW = 1_767_225_600
const URL_A = 'https://api.github.com/repos/marwan/playground'
const agent = await createSigningKey()
const { kty, crv, x, y } = agent.publicJwk
const AGENT_JWK = { kty, crv, x, y }

/** Runs verifyDpopProof with a fresh replay cache and a log the test can read. */
async function verify(proofs: string[], overrides: Partial<DpopVerifyOptions> = {}) {
  const checks: Check[] = []
  const replay = createReplayCache()
  const result = await verifyDpopProof({
    proofs,
    htm: 'GET',
    htu: URL_A,
    nowSeconds: NOW,
    replay,
    status: 401,
    log: createCheckLog('resource-server', checks),
    ...overrides,
  })
  return { result, checks, replay }
}

/** A proof with any header and claims, signed by `key` (a CryptoKey or an HMAC secret). */
function signProof(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: CryptoKey | Uint8Array,
) {
  return new SignJWT(claims).setProtectedHeader(header as JWTHeaderParameters).sign(key)
}

const goodClaims = () => ({ jti: crypto.randomUUID(), htm: 'GET', htu: URL_A, iat: NOW })
const goodHeader = () => ({ typ: 'dpop+jwt', alg: 'ES256', jwk: AGENT_JWK })

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
