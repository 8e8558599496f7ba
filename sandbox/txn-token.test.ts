// Transaction tokens over HTTP: the gateway gets a Txn-Token from the TTS, internal services verify it.
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CODE_REVIEWER } from '../src/core/playground/scenario/seed-scenario.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'
import { CHAINING_PATHS, SANDBOX_TRUST_DOMAIN } from './chaining-routes.ts'
import { demoTokens, exchangeParams, oauthAgent, postForm, startTestSandbox } from './sandbox-fixture.ts'

const TXN_TOKEN = 'urn:ietf:params:oauth:token-type:txn_token'
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'

let now = Date.now()
let running: Awaited<ReturnType<typeof startTestSandbox>>
let base: string
let accessToken: string

beforeAll(async () => {
  running = await startTestSandbox({ clock: () => now })
  base = running.issuer
  const agent = await oauthAgent(base)
  const tokens = await demoTokens(base)
  accessToken = (await agent.exchange(exchangeParams(tokens.subject, tokens.actor))).access_token
})
afterAll(() => running.close())

/** A Txn-Token request as the gateway (or a service, for a replacement) sends it, by hand. */
async function requestTxnToken(extra: Record<string, string> = {}) {
  const response = await postForm(
    `${base}${CHAINING_PATHS.tts}/token`,
    new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      client_id: 'api-gateway',
      requested_token_type: TXN_TOKEN,
      audience: SANDBOX_TRUST_DOMAIN,
      scope: 'read:repo',
      subject_token: accessToken,
      subject_token_type: TOKEN_TYPE.accessToken,
      request_details: JSON.stringify({ repo: 'marwan/playground', action: 'read' }),
      request_context: JSON.stringify({ req_ip: '127.0.0.1' }),
      ...extra,
    }),
  )
  return { status: response.status, body: (await response.json()) as Record<string, string> }
}

async function txnToken(extra: Record<string, string> = {}): Promise<string> {
  const { status, body } = await requestTxnToken(extra)
  if (status !== 200) throw new Error(JSON.stringify(body))
  expect(body).toMatchObject({ token_type: 'N_A', issued_token_type: TXN_TOKEN })
  expect(body.refresh_token).toBeUndefined()
  return body.access_token!
}

const callService = (path: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers })

describe('transaction tokens over HTTP', () => {
  test('the gateway’s Txn-Token is verified by service A then service B, and both audit user and agent', async () => {
    const token = await txnToken()
    const reader = await callService(CHAINING_PATHS.services.reader, { 'txn-token': token })
    expect(reader.status).toBe(200)
    expect(await reader.json()).toMatchObject({ verified: { sub: 'u_marwan', act: { sub: CODE_REVIEWER } } })
    // Service A asks for a narrower replacement before calling service B.
    const narrowed = await txnToken({
      client_id: 'repo-reader',
      subject_token: token,
      subject_token_type: TXN_TOKEN,
      request_details: JSON.stringify({ branch: 'main' }),
    })
    const writer = await callService(CHAINING_PATHS.services.writer, { 'txn-token': narrowed })
    expect(writer.status).toBe(403)
    const again = await callService(CHAINING_PATHS.services.reader, { 'txn-token': narrowed })
    expect(await again.json()).toMatchObject({
      verified: { req_wl: 'api-gateway,repo-reader', tctx: { repo: 'marwan/playground', branch: 'main' } },
    })
    const { lines } = (await (await fetch(`${base}/audit`)).json()) as { lines: { line: string }[] }
    const allowed = lines.filter(({ line }) => line.includes(`principal=u_marwan acting_as=${CODE_REVIEWER}`))
    expect(allowed.length).toBeGreaterThanOrEqual(2)
  })

  test('the TTS can be reached through oauth4webapi’s generic grant', async () => {
    const as: oauth.AuthorizationServer = {
      issuer: `${base}${CHAINING_PATHS.tts}`,
      token_endpoint: `${base}${CHAINING_PATHS.tts}/token`,
    }
    const client = { client_id: 'api-gateway' }
    const params = new URLSearchParams({
      requested_token_type: TXN_TOKEN,
      audience: SANDBOX_TRUST_DOMAIN,
      scope: 'read:repo',
      subject_token: accessToken,
      subject_token_type: TOKEN_TYPE.accessToken,
    })
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      oauth.None(),
      TOKEN_EXCHANGE,
      params,
      {
        [oauth.allowInsecureRequests]: true,
      },
    )
    // oauth4webapi sends the request as any client would; its response check then refuses `token_type`
    // N_A, which the draft requires (§11.4), so the body is read directly.
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ token_type: 'N_A', issued_token_type: TXN_TOKEN })
  })

  test('refuses a Txn-Token for another trust domain', async () => {
    expect(await requestTxnToken({ audience: 'bank.example' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_target' },
    })
  })

  test('refuses a Txn-Token after expiry', async () => {
    const token = await txnToken()
    now += 120_000
    const response = await callService(CHAINING_PATHS.services.reader, { 'txn-token': token })
    now -= 120_000
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'invalid_token' })
  })

  test('refuses a replacement that widens the scope', async () => {
    const token = await txnToken()
    const widened = await requestTxnToken({
      client_id: 'repo-reader',
      subject_token: token,
      subject_token_type: TXN_TOKEN,
      scope: 'read:repo write:issues',
    })
    expect(widened).toMatchObject({ status: 400, body: { error: 'invalid_scope' } })
  })

  test('refuses tctx changed in a replacement, or edited in transit', async () => {
    const token = await txnToken()
    const changed = await requestTxnToken({
      client_id: 'repo-reader',
      subject_token: token,
      subject_token_type: TXN_TOKEN,
      request_details: JSON.stringify({ repo: 'someone/else' }),
    })
    expect(changed).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
    const edited = Buffer.from(JSON.stringify({ ...claims, tctx: { repo: 'someone/else' } })).toString(
      'base64url',
    )
    const response = await callService(CHAINING_PATHS.services.reader, {
      'txn-token': `${header}.${edited}.${signature}`,
    })
    expect(response.status).toBe(401)
  })

  test('refuses the external access token forwarded instead of a Txn-Token', async () => {
    const response = await callService(CHAINING_PATHS.services.reader, {
      authorization: `Bearer ${accessToken}`,
    })
    expect(response.status).toBe(401)
    expect((await response.json()) as Record<string, string>).toMatchObject({ error: 'invalid_token' })
  })
})
