import { calculateJwkThumbprint, exportJWK } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { tamperToken } from '../src/core/protocol/tokens/tamper-token.ts'
import { CODE_REVIEWER, WORKLOAD_ISSUER } from '../src/core/playground/scenario/seed-scenario.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import {
  demoTokens,
  exchangeForm,
  oauthAgent,
  postForm,
  startTestSandbox,
  TEST_SECRET,
} from './sandbox-fixture.ts'

const PLANNER = 'spiffe://prod/agent/planner/v1'
let now = Date.now()
let sandbox: RunningSandbox
let issuer: string
beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now })
  issuer = sandbox.issuer
})
afterAll(() => sandbox.close())

/** The resource server's introspection call, made by oauth4webapi with HTTP Basic. */
async function introspect(token: string, secret = TEST_SECRET) {
  const { as, http } = await oauthAgent(issuer)
  const client: oauth.Client = { client_id: 'api.github.com' }
  const response = await oauth.introspectionRequest(as, client, oauth.ClientSecretBasic(secret), token, http)
  return oauth.processIntrospectionResponse(as, client, response)
}

/** A token the code reviewer got for u_marwan, who had been delegated to through a planner. */
async function chainedToken() {
  const agent = await oauthAgent(issuer)
  const { subject, actor } = await demoTokens(issuer, { act: { sub: PLANNER, azp: 'a_planner' } })
  const { access_token } = await agent.exchange(exchangeForm(subject, actor))
  const { kty, crv, x, y } = await exportJWK(agent.keyPair.publicKey)
  return { token: access_token, jkt: await calculateJwkThumbprint({ kty, crv, x, y }) }
}

describe('introspection of a delegated token (RFC 7662)', () => {
  test('shows an active token whole: who, for whom, the act chain with the earlier actor, and its key binding', async () => {
    const { token, jkt } = await chainedToken()
    const introspected = await introspect(token)
    expect(introspected).toEqual({
      active: true,
      iss: issuer,
      sub: 'u_marwan',
      aud: 'api.github.com',
      scope: 'read:repo write:issues',
      client_id: 'a_code_reviewer',
      exp: Math.floor(now / 1000) + 600,
      iat: Math.floor(now / 1000),
      jti: expect.any(String),
      act: {
        sub: CODE_REVIEWER,
        azp: 'a_code_reviewer',
        iss: WORKLOAD_ISSUER,
        attestation: 'github-oidc',
        act: { sub: PLANNER, azp: 'a_planner' },
      },
      cnf: { jkt },
      token_type: 'DPoP',
    })
  })

  test('an expired token is inactive, and says nothing else', async () => {
    const { token } = await chainedToken()
    now += 601_000
    try {
      expect(await introspect(token)).toEqual({ active: false })
    } finally {
      now -= 601_000
    }
  })

  test.each([
    [
      'a tampered token',
      async () => {
        const { token } = await chainedToken()
        return tamperToken(token, JSON.stringify({ sub: 'u_admin', scope: 'admin:org' }))
      },
    ],
    ['an unknown string', async () => 'not-a-token'],
    ["another issuer's token (an actor token)", async () => (await demoTokens(issuer)).actor],
  ])('%s is inactive', async (_, token) => {
    expect(await introspect(await token())).toEqual({ active: false })
  })
})

describe('who may introspect', () => {
  test.each([
    ['no credentials', {}, 'Introspection requires client authentication with HTTP Basic'],
    [
      'a wrong secret',
      { authorization: `Basic ${btoa('api.github.com:guess')}` },
      'Client authentication failed',
    ],
    [
      'an unknown caller',
      { authorization: `Basic ${btoa(`someone:${TEST_SECRET}`)}` },
      'Client authentication failed',
    ],
    [
      'unreadable Basic credentials',
      { authorization: 'Basic !!!' },
      'The HTTP Basic credentials could not be read',
    ],
  ])('%s gets 401 invalid_client with a Basic challenge', async (_, headers, description) => {
    const response = await postForm(`${issuer}/introspect`, 'token=x', headers)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="introspection"/)
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: description })
  })

  test('an authenticated caller must still send "token"', async () => {
    const basic = { authorization: `Basic ${btoa(`api.github.com:${TEST_SECRET}`)}` }
    const response = await postForm(`${issuer}/introspect`, 'token_type_hint=access_token', basic)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: '"token" is required',
    })
  })
})
