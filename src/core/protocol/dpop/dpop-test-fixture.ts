// Test fixture shared by the DPoP verifier's tests: the RFC 9449 example proofs, an agent key, and a verify call.
import { SignJWT, type JWTHeaderParameters } from 'jose'
import { expect } from 'vitest'
import { createSigningKey } from '../keys/key-ring.ts'
import type { Reason } from '../errors/reasons.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { createReplayCache } from './replay-cache.ts'
import { verifyDpopProof, type DpopVerifyOptions } from './verify-proof.ts'

// RFC 9449 example proofs (V-DPOP-1/2/3 in /work/shared/RFC-VECTORS.md).
const EXAMPLE_HEADER =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19'
export const V_DPOP_1 = `${EXAMPLE_HEADER}.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg`
export const V_DPOP_2 = `${EXAMPLE_HEADER}.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjY1Mjk2fQ.pAqut2IRDm_De6PR93SYmGBPXpwrAk90e8cP2hjiaG5QsGSuKDYW7_X620BxqhvYC8ynrrvZLTk41mSRroapUA`
export const V_DPOP_3 = `${EXAMPLE_HEADER}.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA`
export const EXAMPLE_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
export const EXAMPLE_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
export const TOKEN_URL = 'https://server.example.com/token'
export const RESOURCE_URL = 'https://resource.example.org/protectedresource'

export const NOW = 1_767_225_600
export const URL_A = 'https://api.github.com/repos/marwan/playground'
export const agent = await createSigningKey()
const { kty, crv, x, y } = agent.publicJwk
export const AGENT_JWK = { kty, crv, x, y }

/** Runs verifyDpopProof for `GET URL_A` at NOW, with a fresh replay cache and a log the test can read. */
export async function verify(proofs: string[], overrides: Partial<DpopVerifyOptions> = {}) {
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
export function signProof(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: CryptoKey | Uint8Array,
) {
  return new SignJWT(claims).setProtectedHeader(header as JWTHeaderParameters).sign(key)
}

export const goodClaims = () => ({ jti: crypto.randomUUID(), htm: 'GET', htu: URL_A, iat: NOW })
export const goodHeader = () => ({ typ: 'dpop+jwt', alg: 'ES256', jwk: AGENT_JWK })

/** Asserts a refusal: code, status, section, wire description, reason id, and that the failed check was logged last. */
export async function expectRefusal(
  outcome: Awaited<ReturnType<typeof verify>>,
  expected: { code?: string; status?: number; spec: string; description: string; reason: Reason },
) {
  const { result, checks, replay } = outcome
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error).toMatchObject({
    code: expected.code ?? 'invalid_dpop_proof',
    status: expected.status ?? 401,
    description: expected.description,
  })
  expect(result.error.reason).toBe(expected.reason)
  expect(checks.at(-1)).toMatchObject({ ok: false, spec: expected.spec, detail: result.error.explanation })
  expect(checks.slice(0, -1).every((check) => check.ok)).toBe(true)
  // Only proofs valid in every other way reach the replay cache (RFC 9449 §11.1).
  if (expected.spec !== 'RFC 9449 §11.1') expect(replay.size()).toBe(0)
}
