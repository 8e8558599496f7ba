import { describe, expect, test } from 'vitest'
import { base64url, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'
import type { Reason } from '../errors/reasons.ts'
import { createKeyRing, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { verifyAccessToken } from './verify-access-token.ts'

const IDP = 'https://idp.lab.marwandiallo.com'
const NOW = 1_767_225_600
const keys = await createKeyRing()

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: IDP,
  sub: 'u_marwan',
  aud: ['api.github.com'],
  client_id: 'a_code_reviewer',
  scope: 'read:repo',
  iat: NOW - 60,
  exp: NOW + 540,
  jti: 'at-1',
  ...overrides,
})

function mint(payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}, key: SigningKey = keys.idp) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: keys.idp.kid, ...header })
    .sign(key.privateKey)
}

async function verify(token: string) {
  const checks: Check[] = []
  const result = await verifyAccessToken(token, {
    issuer: IDP,
    audience: 'api.github.com',
    jwks: publicJwks(keys.idp),
    nowSeconds: NOW,
    log: createCheckLog('resource-server', checks),
  })
  return { result, checks }
}

async function expectInvalidToken(token: string, spec: string, description: string, reason: Reason) {
  const { result, checks } = await verify(token)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error).toMatchObject({ code: 'invalid_token', status: 401, description })
  expect(result.error.reason).toBe(reason)
  expect(checks.at(-1)).toMatchObject({ ok: false, spec, detail: result.error.explanation })
}

const encode = (value: object) => base64url.encode(JSON.stringify(value))

describe('verifyAccessToken accepts', () => {
  test('an at+jwt signed by the IdP for this audience, logging every check as passed', async () => {
    const { result, checks } = await verify(await mint(claims()))
    expect(result.ok && result.value.payload).toMatchObject({ sub: 'u_marwan', jti: 'at-1' })
    expect(checks.map((check) => [check.label, check.ok])).toEqual([
      ['access token is a well-formed JWT', true],
      ['access token "typ" is at+jwt', true],
      ['access token header names no key of its own ("jwk", "jku", "x5c", "x5u") and no "crit"', true],
      ['access token "alg" is an accepted asymmetric algorithm', true],
      ["access token signature verifies with the IdP's keys", true],
      ['access token has iss, aud, sub, exp, iat, jti and client_id', true],
      ['access token "iss" is the IdP', true],
      ['access token "aud" includes this resource server', true],
      ['access token is within its validity period ("nbf", "exp")', true],
    ])
  })

  test.each([
    ['"typ" application/at+jwt', claims(), { typ: 'application/at+jwt' }],
    ['"aud" as a single string', claims({ aud: 'api.github.com' }), {}],
    ['"exp" 29 s in the past, within the 30 s clock tolerance', claims({ exp: NOW - 29 }), {}],
  ])('a token with %s', async (_name, payload, header) => {
    expect((await verify(await mint(payload, header))).result.ok).toBe(true)
  })
})

describe('verifyAccessToken refuses with invalid_token', () => {
  test('a string that is not a JWT', async () => {
    await expectInvalidToken(
      'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU',
      'RFC 9068 §4, RFC 7519 §7.2',
      'Access token is not a well-formed JWT',
      'token.malformed',
    )
  })

  test.each(['JWT', 'dpop+jwt'])('a token typed %s instead of at+jwt', async (typ) => {
    await expectInvalidToken(
      await mint(claims(), { typ }),
      'RFC 9068 §2.1, §4',
      `Access token "typ" must be "at+jwt", not "${typ}"`,
      'token.typ',
    )
  })

  test('a token with no "typ" at all', async () => {
    await expectInvalidToken(
      await mint(claims(), { typ: undefined }),
      'RFC 9068 §2.1, §4',
      'Access token "typ" must be "at+jwt", but it is missing',
      'token.typ',
    )
  })

  test('an unsigned token with "alg": "none"', async () => {
    const token = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims())}.`
    await expectInvalidToken(
      token,
      'RFC 9068 §4, RFC 8725 §3.1',
      'Access token "alg" "none" is not accepted',
      'token.alg',
    )
  })

  test('an HS256 token', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .sign(new Uint8Array(32))
    await expectInvalidToken(
      token,
      'RFC 9068 §4, RFC 8725 §3.1',
      'Access token "alg" "HS256" is not accepted',
      'token.alg',
    )
  })

  test('a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await mint(claims())).split('.')
    const tampered = `${header}.${encode(claims({ scope: 'read:repo write:repo admin' }))}.${signature}`
    await expectInvalidToken(
      tampered,
      'RFC 9068 §4',
      'Access token signature does not verify',
      'token.signature',
    )
  })

  test("a token signed by another key under the IdP's kid", async () => {
    await expectInvalidToken(
      await mint(claims(), {}, keys.rogue),
      'RFC 9068 §4',
      'Access token signature does not verify',
      'token.signature',
    )
  })

  test('a token whose kid is not in the IdP key set', async () => {
    await expectInvalidToken(
      await mint(claims(), { kid: keys.rogue.kid }, keys.rogue),
      'RFC 9068 §4',
      'Access token "kid" matches no key of the issuer',
      'token.key',
    )
  })

  test('a token from another issuer', async () => {
    await expectInvalidToken(
      await mint(claims({ iss: 'https://evil.example' })),
      'RFC 9068 §4',
      'Access token "iss" is not the expected issuer',
      'token.iss',
    )
  })

  test('a token for another audience', async () => {
    await expectInvalidToken(
      await mint(claims({ aud: ['deploy.lab.marwandiallo.com'] })),
      'RFC 9068 §4',
      'Access token "aud" does not include "api.github.com"',
      'token.aud',
    )
  })

  test('a token that expired more than 30 s ago', async () => {
    await expectInvalidToken(
      await mint(claims({ exp: NOW - 31 })),
      'RFC 9068 §4, RFC 7519 §4.1.4',
      'Access token has expired',
      'token.expired',
    )
  })

  test('a token not valid yet', async () => {
    await expectInvalidToken(
      await mint(claims({ nbf: NOW + 120 })),
      'RFC 9068 §4, RFC 7519 §4.1.4',
      'Access token is not valid yet ("nbf")',
      'token.not_yet_valid',
    )
  })

  test.each(['iss', 'aud', 'sub', 'exp', 'iat', 'jti', 'client_id'])(
    'a token without "%s"',
    async (claim) => {
      const payload = claims()
      delete payload[claim]
      await expectInvalidToken(
        await mint(payload),
        'RFC 9068 §2.2',
        `Access token is missing the "${claim}" claim`,
        'token.claims_missing',
      )
    },
  )

  test('a token whose "sub" is not a string', async () => {
    await expectInvalidToken(
      await mint(claims({ sub: 42 as unknown as string })),
      'RFC 9068 §2.2',
      'Access token "sub" claim must be a string',
      'token.claims_missing',
    )
  })
})
