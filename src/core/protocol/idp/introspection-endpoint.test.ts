import { SignJWT } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { createKeyRing, publicJwks, type KeyRing } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { tamperToken } from '../tokens/tamper-token.ts'
import { createIntrospectionEndpoint } from './introspection-endpoint.ts'

const ISSUER = 'http://127.0.0.1:8693'
const URL_ = `${ISSUER}/introspect`
const NOW = 1_767_225_600
const BASIC = `Basic ${btoa('api.github.com:s3cret')}`
const ACT = {
  sub: 'spiffe://prod/agent/code-reviewer/v3',
  azp: 'a_code_reviewer',
  act: { sub: 'spiffe://prod/agent/planner/v1' },
}

let keys: KeyRing
beforeAll(async () => {
  keys = await createKeyRing()
})

const endpoint = (nowSeconds = NOW) =>
  createIntrospectionEndpoint({
    issuer: ISSUER,
    idpJwks: publicJwks(keys.idp),
    clock: () => nowSeconds * 1000,
    callers: [{ clientId: 'api.github.com', secret: 's3cret' }],
  })

const delegated = (overrides: { jkt?: string | null; issuer?: string } = {}) =>
  mintDelegatedToken(keys.idp, {
    issuer: overrides.issuer ?? ISSUER,
    sub: 'u_marwan',
    clientId: 'a_code_reviewer',
    aud: ['api.github.com'],
    scope: ['read:repo', 'write:issues'],
    iat: NOW - 60,
    ttl: 600,
    act: ACT,
    jkt: overrides.jkt === undefined ? 'jkt-of-the-agent' : overrides.jkt,
    amr: ['hwk'],
  })

const ask = (body: string, headers: Record<string, string> = { authorization: BASIC }, nowSeconds = NOW) =>
  endpoint(nowSeconds)(
    new Request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    }),
  )
const introspect = async (token: string, nowSeconds = NOW) => {
  const response = await ask(`token=${encodeURIComponent(token)}`, { authorization: BASIC }, nowSeconds)
  expect(response.headers.get('cache-control')).toBe('no-store')
  return response.json()
}

describe('an active token', () => {
  test('shows sub, scope, aud, exp, client_id, the whole act chain, cnf and token_type DPoP', async () => {
    expect(await introspect(await delegated())).toEqual({
      active: true,
      iss: ISSUER,
      sub: 'u_marwan',
      aud: 'api.github.com',
      scope: 'read:repo write:issues',
      client_id: 'a_code_reviewer',
      iat: NOW - 60,
      exp: NOW + 540,
      jti: expect.any(String),
      act: ACT,
      cnf: { jkt: 'jkt-of-the-agent' },
      token_type: 'DPoP',
    })
  })

  test('an unbound token is token_type Bearer, with no cnf', async () => {
    const shown = await introspect(await delegated({ jkt: null }))
    expect(shown).toMatchObject({ active: true, token_type: 'Bearer' })
    expect(shown).not.toHaveProperty('cnf')
  })
})

describe('an inactive token says only {"active": false}', () => {
  test.each([
    ['one that expired a second ago', async () => delegated(), NOW + 541],
    ['a tampered one', async () => tamperToken(await delegated(), '{"sub":"u_admin","exp":9999999999}'), NOW],
    ["another issuer's", async () => delegated({ issuer: 'https://idp.example.com' }), NOW],
    [
      'one signed by a key this IdP never held',
      async () =>
        mintDelegatedToken(keys.rogue, {
          issuer: ISSUER,
          sub: 'u',
          clientId: 'c',
          aud: ['a'],
          scope: ['s'],
          iat: NOW,
          ttl: 60,
          act: null,
          jkt: null,
          amr: null,
        }),
      NOW,
    ],
    [
      'a JWT that is not an access token',
      async () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: keys.idp.kid })
          .setIssuer(ISSUER)
          .setExpirationTime(NOW + 60)
          .sign(keys.idp.privateKey),
      NOW,
    ],
    ['a string that is no token at all', async () => 'opaque-or-unknown', NOW],
  ])('%s', async (_, token, now) => {
    expect(await introspect(await token(), now)).toEqual({ active: false })
  })
})

describe('refusals', () => {
  test.each([
    ['no Authorization header', {}, 'Introspection requires client authentication with HTTP Basic'],
    [
      'a Bearer token instead of Basic',
      { authorization: 'Bearer abc' },
      'Introspection requires client authentication with HTTP Basic',
    ],
    [
      'unreadable Basic credentials',
      { authorization: 'Basic ###' },
      'The HTTP Basic credentials could not be read',
    ],
    [
      'a wrong secret',
      { authorization: `Basic ${btoa('api.github.com:nope')}` },
      'Client authentication failed',
    ],
  ])('%s is 401 invalid_client with a Basic challenge', async (_, headers, description) => {
    const response = await ask('token=x', headers)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="introspection", charset="UTF-8"')
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: description })
  })

  test('authentication comes first: an unauthenticated caller with a bad body still gets 401', async () => {
    expect((await ask('%zz', {})).status).toBe(401)
  })

  test.each([
    ['no token', 'token_type_hint=access_token', '"token" is required'],
    ['the token twice', 'token=a&token=b', '"token" is included more than once'],
    ['malformed encoding', 'token=%E0%A4%A', 'Malformed form encoding in "token=%E0%A4%A"'],
  ])('%s is 400 invalid_request', async (_, body, description) => {
    const response = await ask(body)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
  })

  test('JSON is refused: RFC 7662 requests are forms', async () => {
    const response = await ask('{"token":"x"}', { authorization: BASIC, 'content-type': 'application/json' })
    expect(await response.json()).toMatchObject({
      error_description: 'Content-Type must be application/x-www-form-urlencoded, not "application/json"',
    })
  })

  test('GET is 405 with Allow: POST', async () => {
    const response = await endpoint()(new Request(`${URL_}?token=x`, { headers: { authorization: BASIC } }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })
})
