// The shared JWT verifier on its own: the exact time boundaries with an injected clock, and which rule refuses first.
import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { createKeyRing, publicJwks } from '../keys/key-ring.ts'
import { signAs, type TokenTarget } from './hostile-tokens.fixture.ts'
import { JWT_LEEWAY_SECONDS, verifyJwt, type JwtRules } from './verify-jwt.ts'

const NOW = 1_767_225_600
const ISSUER = 'https://idp.example'
const keys = await createKeyRing()
const TARGET: TokenTarget = {
  name: 'subject_token',
  typ: 'at+jwt',
  audience: ISSUER,
  claims: { iss: ISSUER, aud: ISSUER, sub: 'u_1', iat: NOW - 60, nbf: NOW - 60, exp: NOW },
  key: keys.idp,
  rogue: keys.rogue,
  nowSeconds: NOW,
}
const rules = (nowSeconds: number, overrides: Partial<JwtRules> = {}): JwtRules => ({
  name: 'subject_token',
  typ: 'at+jwt',
  issuer: ISSUER,
  audience: ISSUER,
  jwks: publicJwks(keys.idp),
  nowSeconds,
  ...overrides,
})
const ruleAt = async (nowSeconds: number, claims = TARGET.claims, overrides: Partial<JwtRules> = {}) => {
  const verified = await verifyJwt(await signAs(TARGET, claims), rules(nowSeconds, overrides))
  return verified.ok ? 'accepted' : verified.failure.rule
}

describe('verifyJwt applies exp and nbf with a 30 s leeway, to the second', () => {
  test('uses 30 s of leeway unless told otherwise', () => {
    expect(JWT_LEEWAY_SECONDS).toBe(30)
  })

  // Each row: when the clock reads it, the verdict (the rule that refuses, or "accepted").
  test.each([
    ['at exp', 'accepted', 0],
    ['at exp + 29 s, the last second of the leeway', 'accepted', 29],
    ['at exp + 30 s, when the leeway is used up', 'exp', 30],
  ])('"exp": %s gives %s', async (_name, verdict, after) => {
    expect(await ruleAt(NOW + after)).toBe(verdict)
  })

  test.each([
    ['at nbf - 30 s, the first second of the leeway', 'accepted', 30],
    ['at nbf - 31 s, before the leeway', 'nbf', 31],
  ])('"nbf": %s gives %s', async (_name, verdict, before) => {
    expect(await ruleAt(NOW - 60 - before)).toBe(verdict)
  })

  test.each([
    ['at exp - 1 s', 'accepted', -1],
    ['at exp', 'exp', 0],
  ])('with no leeway, "exp": %s gives %s', async (_name, verdict, after) => {
    expect(await ruleAt(NOW + after, TARGET.claims, { leewaySeconds: 0 })).toBe(verdict)
  })
})

describe('verifyJwt refuses on the first rule a token breaks', () => {
  test('names "typ" before "alg" for an unsigned DPoP-typed token', async () => {
    const json = (value: unknown) => base64url.encode(JSON.stringify(value))
    const token = `${json({ alg: 'none', typ: 'dpop+jwt' })}.${json(TARGET.claims)}.`
    const verified = await verifyJwt(token, rules(NOW))
    expect(!verified.ok && verified.failure).toMatchObject({ rule: 'typ', spec: 'RFC 8725 §3.11' })
  })

  test('names the "jwk" header before the unknown kid it comes with', async () => {
    const token = await signAs(TARGET, TARGET.claims, { jwk: { kty: 'EC' } }, keys.rogue)
    const verified = await verifyJwt(token, rules(NOW))
    expect(!verified.ok && verified.failure).toMatchObject({
      rule: 'header',
      spec: 'RFC 8725 §3.10, RFC 7515 §4.1.3',
      description: 'subject_token header "jwk" is not accepted',
    })
  })

  test('refuses a required claim of the wrong type after the signature verified', async () => {
    const token = await signAs(TARGET, { ...TARGET.claims, sub: 42 as unknown as string })
    const verified = await verifyJwt(token, rules(NOW))
    expect(!verified.ok && verified.failure).toEqual({
      rule: 'claims',
      spec: 'RFC 7519 §4.1, RFC 9068 §2.2',
      description: 'subject_token "sub" claim must be a string',
      explanation: 'The token\'s "sub" is 42, but it is defined as a string.',
    })
  })
})
