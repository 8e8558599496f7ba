import { SignJWT } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSigningKey } from '../src/core/protocol/keys/key-ring.ts'
import { SEED_SCENARIO, WORKLOAD_ISSUER } from '../src/core/playground/scenario/seed-scenario.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import {
  asLibraryFetch,
  demoTokens,
  exchangeForm,
  oauthAgent,
  postForm,
  startTestSandbox,
} from './sandbox-fixture.ts'

let sandbox: RunningSandbox
let strict: RunningSandbox
let issuer: string
beforeAll(async () => {
  ;[sandbox, strict] = await Promise.all([
    startTestSandbox(),
    startTestSandbox({ policy: { ...SEED_SCENARIO.policy, requireDpop: true } }),
  ])
  issuer = sandbox.issuer
})
afterAll(() => Promise.all([sandbox.close(), strict.close()]))

/** What oauth4webapi rejected with: the status and the RFC error of the response body. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ status: 200, error: null, error_description: null }),
    (error: unknown) => {
      if (error instanceof oauth.ResponseBodyError)
        return { status: error.status, error: error.error, error_description: error.error_description }
      if (error instanceof oauth.WWWAuthenticateChallengeError)
        return {
          status: error.status,
          error: error.cause[0]?.parameters.error,
          error_description: error.cause[0]?.parameters.error_description,
        }
      throw error
    },
  )

const exchangeBody = async (response: Response) => ({
  status: response.status,
  ...((await response.json()) as object),
})

describe('the token exchange refusals a client meets', () => {
  test('a bad actor: an unregistered workload cannot act for the user', async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer, { spiffeId: 'spiffe://prod/agent/rogue/v1' })
    expect(await refusal(agent.exchange(exchangeForm(subject, actor)))).toEqual({
      status: 400,
      error: 'invalid_request',
      error_description:
        'actor_token "sub" spiffe://prod/agent/rogue/v1 is not the workload registered for client "a_code_reviewer"',
    })
    // Without a client_id nothing speaks for the workload at all.
    expect(await exchangeBody(await postForm(`${issuer}/token`, exchangeForm(subject, actor)))).toEqual({
      status: 401,
      error: 'invalid_client',
      error_description: 'Unknown client: workload spiffe://prod/agent/rogue/v1 is not registered',
    })
  })

  test('a bad actor: an actor token signed by a key the workload issuer never held', async () => {
    const forger = await createSigningKey()
    // The forger copies the real key's kid, so only the signature can give it away.
    const forged = await new SignJWT({ attestation: 'github-oidc' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: sandbox.keys.workload.kid })
      .setIssuer(WORKLOAD_ISSUER)
      .setSubject('spiffe://prod/agent/code-reviewer/v3')
      .setAudience(issuer)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(forger.privateKey)
    const { subject } = await demoTokens(issuer)
    const agent = await oauthAgent(issuer)
    expect(await refusal(agent.exchange(exchangeForm(subject, forged)))).toMatchObject({
      status: 400,
      error: 'invalid_request',
      // The wording belongs to the core's JWT verifier; what matters here is which token and why.
      error_description: expect.stringMatching(/^actor_token .*signature/),
    })
  })

  test.each([
    [
      'a scope the user never granted',
      'read:repo admin:org',
      'Scope "admin:org" exceeds what the subject token grants',
    ],
    [
      'a scope policy keeps from this agent',
      'read:repo write:repo',
      'Scope "write:repo" is not allowed for audience api.github.com',
    ],
  ])('scope escalation: %s is invalid_scope', async (_, scope, description) => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    expect(await refusal(agent.exchange(exchangeForm(subject, actor, { scope })))).toEqual({
      status: 400,
      error: 'invalid_scope',
      error_description: description,
    })
  })

  test('an audience outside policy is invalid_target', async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const form = exchangeForm(subject, actor, {
      audience: 'deploy.lab.marwandiallo.com',
      scope: 'deploy:staging',
    })
    expect(await refusal(agent.exchange(form))).toEqual({
      status: 400,
      error: 'invalid_target',
      error_description:
        'Audience "deploy.lab.marwandiallo.com" is outside policy for spiffe://prod/agent/code-reviewer/v3',
    })
  })

  test('missing DPoP where the policy requires it: the token endpoint refuses a proofless request', async () => {
    const agent = await oauthAgent(strict.issuer)
    const { subject, actor } = await demoTokens(strict.issuer)
    expect(await refusal(agent.exchange(exchangeForm(subject, actor), false))).toEqual({
      status: 400,
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof is missing',
    })
    expect(await refusal(agent.exchange(exchangeForm(subject, actor)))).toMatchObject({ status: 200 })
  })
})

describe('the resource server refusals a client meets', () => {
  const boundToken = async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const { access_token } = await agent.exchange(exchangeForm(subject, actor))
    return { agent, token: access_token }
  }
  const repo = () => `${issuer}/api/repos/marwan/playground`

  test('missing DPoP: a bound token sent as a Bearer token is refused as a downgrade', async () => {
    const { agent, token } = await boundToken()
    expect(await refusal(agent.call(token, 'GET', '/api/repos/marwan/playground', false))).toEqual({
      status: 401,
      error: 'invalid_token',
      error_description: 'DPoP-bound access token sent with the "Bearer" scheme',
    })
  })

  test('missing DPoP: the DPoP scheme with no proof header', async () => {
    const { token } = await boundToken()
    const response = await fetch(repo(), { headers: { authorization: `DPoP ${token}` } })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof is missing',
    })
  })

  test("a replayed proof: the library's own proof, sent again, is refused and the refusal is audited", async () => {
    const { agent, token } = await boundToken()
    let captured: Headers | undefined
    const first = await oauth.protectedResourceRequest(token, 'GET', new URL(repo()), undefined, undefined, {
      ...agent.http,
      DPoP: oauth.DPoP(agent.client, agent.keyPair),
      [oauth.customFetch]: asLibraryFetch((url, init) => {
        captured = new Headers(init.headers)
        return fetch(url, init)
      }),
    })
    expect(first.status).toBe(200)
    const replay = await fetch(repo(), { headers: captured! })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof "jti" has already been used',
    })
    const { lines } = (await (await fetch(`${issuer}/audit`)).json()) as { lines: { line: string }[] }
    expect(lines.at(-1)!.line).toMatch(
      /decision=deny error=invalid_dpop_proof reason="DPoP proof \\"jti\\" has already been used"$/,
    )
  })
})
