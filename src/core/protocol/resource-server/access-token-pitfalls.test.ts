// The RFC 8725 pitfalls at the resource server: each hostile token refused as an access token, in the log and on the wire.
import { describe, expect, test } from 'vitest'
import { createDpopProof } from '../dpop/create-proof.ts'
import { publicJwks } from '../keys/key-ring.ts'
import { HOSTILE_CLAIMS } from '../tokens/hostile-claims.fixture.ts'
import { HOSTILE_ENCODINGS } from '../tokens/hostile-encodings.fixture.ts'
import { HOSTILE_HEADERS, signAs, type TokenTarget } from '../tokens/hostile-tokens.fixture.ts'
import { JWT_RULES, REASON_FOR_RULE } from '../tokens/jwt-failure.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { ACCESS_TOKEN_CHECK_RULES, ACCESS_TOKEN_CHECKS } from './access-token-checks.ts'
import {
  ALGS,
  claims,
  dpopRequest,
  expectRefusal,
  IDP,
  keys,
  NOW,
  quoted,
  REPO,
  server,
} from './resource-server-fixture.ts'
import { verifyAccessToken } from './verify-access-token.ts'

const TARGET: TokenTarget = {
  name: 'Access token',
  typ: 'at+jwt',
  audience: 'api.github.com',
  claims: claims(),
  key: keys.idp,
  rogue: keys.rogue,
  nowSeconds: NOW,
}
const ALL = [...HOSTILE_HEADERS, ...HOSTILE_CLAIMS, ...HOSTILE_ENCODINGS].map(
  (hostile) => [hostile.pitfall, hostile] as const,
)
// A token with whitespace can't travel in an Authorization header; see the last test.
const ON_THE_WIRE = ALL.filter(([pitfall]) => !/whitespace/.test(pitfall))

async function verify(token: string, nowSeconds = NOW) {
  const checks: Check[] = []
  const result = await verifyAccessToken(token, {
    issuer: IDP,
    audience: 'api.github.com',
    jwks: publicJwks(keys.idp),
    nowSeconds,
    log: createCheckLog('resource-server', checks),
  })
  return { result, checks }
}

/** The label of the resource server check a verifier rule belongs to. */
const checkFor = (rule: string) => {
  const [id] = Object.entries(ACCESS_TOKEN_CHECK_RULES).find(([, rules]) => rules.includes(rule as never))!
  return ACCESS_TOKEN_CHECKS[id as keyof typeof ACCESS_TOKEN_CHECKS]
}

describe('verifyAccessToken refuses every RFC 8725 pitfall with invalid_token', () => {
  test.each(ALL)('refuses %s, logging the checks before it as passed', async (_name, hostile) => {
    const { result, checks } = await verify(await hostile.make(TARGET))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const check = checkFor(hostile.rule)
    expect(result.error).toMatchObject({
      code: 'invalid_token',
      status: 401,
      reason: REASON_FOR_RULE[hostile.rule],
      description: hostile.description(TARGET),
    })
    expect(result.error.explanation).toMatch(hostile.reason)
    expect(checks.at(-1)).toEqual({
      by: 'resource-server',
      ...check,
      ok: false,
      detail: result.error.explanation,
      reason: REASON_FOR_RULE[hostile.rule],
    })
    expect(checks.slice(0, -1).every((passed) => passed.ok)).toBe(true)
  })

  test('maps every rule of the shared verifier to exactly one check, in the verifier order', () => {
    expect(Object.values(ACCESS_TOKEN_CHECK_RULES).flat()).toEqual([...JWT_RULES])
  })
})

describe('the resource server refuses every RFC 8725 pitfall on the wire', () => {
  test.each(ON_THE_WIRE)('answers %s with 401 invalid_token', async (_name, hostile) => {
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await hostile.make(TARGET)))
    const description = hostile.description(TARGET)
    await expectRefusal(response, audits, {
      status: 401,
      error: 'invalid_token',
      description,
      reason: REASON_FOR_RULE[hostile.rule],
      challenge: `DPoP error="invalid_token", error_description="${quoted(description)}", ${ALGS}`,
      verified: false,
    })
  })

  test('stops a token with whitespace at the Authorization header, before any verification', async () => {
    const [, spaced] = ALL.find(([pitfall]) => /whitespace/.test(pitfall))!
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await spaced.make(TARGET)))
    await expectRefusal(response, audits, {
      status: 400,
      error: 'invalid_request',
      description: 'Malformed "DPoP" Authorization header',
      reason: 'request.malformed_authorization',
      verified: false,
    })
  })
})

describe('the resource server keeps each kind of JWT in its place', () => {
  test('refuses a DPoP proof presented as the access token, naming its typ', async () => {
    const proof = await createDpopProof(keys.agentDpop, { htm: 'GET', htu: REPO, iat: NOW })
    const { result } = await verify(proof)
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_token',
      reason: 'token.typ',
      description: 'Access token "typ" must be "at+jwt", not "dpop+jwt"',
      explanation: expect.stringMatching(/"typ": "dpop\+jwt"/),
    })
  })

  test('refuses the access token presented as its own DPoP proof: it carries no "jwk"', async () => {
    const token = await signAs(TARGET)
    const { handler, audits } = server()
    const request = new Request(REPO, { headers: { authorization: `DPoP ${token}`, dpop: token } })
    await expectRefusal(await handler(request), audits, {
      status: 401,
      error: 'invalid_dpop_proof',
      description: 'DPoP proof header "jwk" is missing or not a JSON object',
      reason: 'dpop.missing_member',
      verified: true,
    })
  })
})

describe('the resource server accepts an access token until exp + 30 s, exclusive', () => {
  const exp = NOW + 540

  test('accepts it at exp + 29 s by its clock', async () => {
    const { result } = await verify(await signAs(TARGET), exp + 29)
    expect(result.ok).toBe(true)
  })

  test('refuses it at exp + 30 s by its clock', async () => {
    const { result, checks } = await verify(await signAs(TARGET), exp + 30)
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_token',
      reason: 'token.expired',
      description: 'Access token has expired',
      explanation: '"exp" passed 30 s ago, beyond the 30 s of clock skew tolerated.',
    })
    expect(checks.at(-1)).toMatchObject({ label: ACCESS_TOKEN_CHECKS.time.label, ok: false })
  })
})
