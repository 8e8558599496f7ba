import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TEST_RUNNER, TOKEN_EXCHANGE_GRANT } from '../src/core/playground/scenario/seed-scenario.ts'
import { ID_JAG, JWT_BEARER_GRANT, JWT_SPIFFE_ASSERTION } from '../src/core/protocol/id-jag/id-jag-names.ts'
import {
  accessTokenFor,
  getIdJag,
  idJagParams,
  idToken,
  mcpCall,
  redeem,
  requestIdJag,
  startCrossAppSandbox,
  svid,
} from './cross-app-fixture.ts'

let sandbox: Awaited<ReturnType<typeof startCrossAppSandbox>>
let base: string
beforeAll(async () => {
  sandbox = await startCrossAppSandbox()
  base = sandbox.base
})
afterAll(() => sandbox.running.close())

const errorOf = async (response: Response) => ({
  status: response.status,
  error: ((await response.json()) as { error: string }).error,
})

describe('cross-app access over HTTP', () => {
  test('an independent client goes from ID token to tool call with oauth4webapi and DPoP', async () => {
    const http = { [oauth.allowInsecureRequests]: true } as const
    const discover = async (issuer: string) =>
      oauth.processDiscoveryResponse(
        new URL(issuer),
        await oauth.discoveryRequest(new URL(issuer), { algorithm: 'oauth2', ...http }),
      )
    const idp = await discover(base)
    // RFC 8414 §3.1: oauth4webapi looks for the resource AS's metadata after the well-known segment.
    const resourceAs = await discover(sandbox.resourceAs)
    expect(resourceAs.grant_types_supported).toEqual([JWT_BEARER_GRANT])
    expect(resourceAs.authorization_grant_profiles_supported).toEqual([ID_JAG.grantProfile])
    expect(resourceAs.dpop_signing_alg_values_supported).toContain('ES256')

    const agentAtIdp: oauth.Client = { client_id: 'a_code_reviewer' }
    const agentAtAs: oauth.Client = { client_id: 'mcp_code_reviewer' }
    const DPoP = oauth.DPoP(agentAtAs, await oauth.generateKeyPair('ES256'))

    const idJag = await oauth.processGenericTokenEndpointResponse(
      idp,
      agentAtIdp,
      await oauth.genericTokenEndpointRequest(
        idp,
        agentAtIdp,
        oauth.None(),
        TOKEN_EXCHANGE_GRANT,
        await idJagParams(base),
        http,
      ),
      // An ID-JAG is not an access token: its token_type is N_A (RFC 8693 §2.2.1, draft §4.3.4).
      { recognizedTokenTypes: { n_a: () => {} } },
    )
    expect(idJag.issued_token_type).toBe(ID_JAG.tokenType)
    expect(idJag.token_type).toBe('n_a')
    expect(decodeProtectedHeader(idJag.access_token).typ).toBe(ID_JAG.typ)

    const issued = await oauth.processGenericTokenEndpointResponse(
      resourceAs,
      agentAtAs,
      await oauth.genericTokenEndpointRequest(
        resourceAs,
        agentAtAs,
        oauth.None(),
        JWT_BEARER_GRANT,
        new URLSearchParams({
          assertion: idJag.access_token,
          client_assertion_type: JWT_SPIFFE_ASSERTION,
          client_assertion: await svid(base, sandbox.resourceAs),
        }),
        { ...http, DPoP },
      ),
    )
    expect(issued.token_type).toBe('dpop')
    expect(decodeJwt(issued.access_token)).toMatchObject({ sub: 'u_marwan', aud: sandbox.mcp })

    const called = await oauth.protectedResourceRequest(
      issued.access_token,
      'POST',
      new URL(sandbox.mcp),
      new Headers({ 'content-type': 'application/json', accept: 'application/json, text/event-stream' }),
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'get_repository', arguments: { owner: 'marwan', repo: 'playground' } },
      }),
      { ...http, DPoP },
    )
    expect(called.status).toBe(200)
    const answer = (await called.json()) as { result: { content: { text: string }[] } }
    expect(JSON.parse(answer.result.content[0]!.text)).toMatchObject({
      repository: 'marwan/playground',
      read_for: 'u_marwan',
    })
    const lines = ((await (await fetch(`${base}/audit`)).json()) as { lines: { by: string; line: string }[] })
      .lines
    expect(lines.at(-1)?.line).toContain(
      `principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 aud=${sandbox.mcp}`,
    )
  })

  test('the official MCP SDK client lists and calls the tool with the access token', async () => {
    const token = await accessTokenFor(base)
    const client = new Client({ name: 'test-agent', version: '1.0.0' })
    await client.connect(
      new StreamableHTTPClientTransport(new URL(sandbox.mcp), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    )
    const tools = await client.listTools()
    expect(tools.tools.map((tool) => tool.name)).toEqual(['get_repository'])
    const result = (await client.callTool({
      name: 'get_repository',
      arguments: { owner: 'marwan', repo: 'playground' },
    })) as { content: { type: string; text: string }[] }
    expect(JSON.parse(result.content[0]!.text)).toMatchObject({ repository: 'marwan/playground' })
    await client.close()
  })

  test('publishes the MCP server metadata naming the resource AS (RFC 9728)', async () => {
    const metadata = await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`)).json()
    expect(metadata).toMatchObject({ resource: sandbox.mcp, authorization_servers: [sandbox.resourceAs] })
  })

  test('answers a call without a token with 401 and resource_metadata', async () => {
    const response = await mcpCall(sandbox.mcp, null)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain(
      `resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`,
    )
  })
})

describe('each cross-app attack is refused over HTTP', () => {
  test('the ID-JAG presented at the IdP itself', async () => {
    expect(await errorOf(await redeem(base, await getIdJag(base), {}, undefined, `${base}/token`))).toEqual({
      status: 400,
      error: 'invalid_grant',
    })
  })

  test('an ID-JAG meant for another resource AS', async () => {
    const foreign = await getIdJag(base, {
      audience: 'https://other-as.example',
      resource: 'https://other-as.example/mcp',
    })
    expect(await errorOf(await redeem(base, foreign))).toEqual({ status: 400, error: 'invalid_grant' })
  })

  test("agent B redeeming agent A's ID-JAG", async () => {
    expect(await errorOf(await redeem(base, await getIdJag(base), {}, TEST_RUNNER))).toEqual({
      status: 400,
      error: 'invalid_grant',
    })
  })

  test('an ID-JAG replayed', async () => {
    const grant = await getIdJag(base)
    expect((await redeem(base, grant)).status).toBe(200)
    expect(await errorOf(await redeem(base, grant))).toEqual({ status: 400, error: 'invalid_grant' })
  })

  test('an expired ID-JAG', async () => {
    const grant = await getIdJag(base)
    sandbox.advance(400)
    expect(await errorOf(await redeem(base, grant))).toEqual({ status: 400, error: 'invalid_grant' })
  })

  test('an access token used at another MCP server', async () => {
    const forOther = await accessTokenFor(base, `${base}/other-mcp`)
    expect((await mcpCall(`${base}/other-mcp`, forOther)).status).toBe(200)
    const response = await mcpCall(sandbox.mcp, forOther)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
  })

  test('scope escalation at the resource AS', async () => {
    const grant = await getIdJag(base)
    expect(await errorOf(await redeem(base, grant, { scope: 'read:repo write:issues' }))).toEqual({
      status: 400,
      error: 'invalid_scope',
    })
  })

  test('a token without the tool scope gets 403 naming only that scope', async () => {
    const response = await mcpCall(sandbox.mcp, await accessTokenFor(base, sandbox.mcp, 'write:issues'))
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toContain(
      'error="insufficient_scope", error_description=',
    )
    expect(response.headers.get('www-authenticate')).toContain('scope="read:repo"')
  })

  test('an ID token from a sign-in too old for policy gets the step-up error', async () => {
    const stale = await idToken(base, { auth_time: String(sandbox.now() - 7200) })
    const response = await requestIdJag(base, { subject_token: stale })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'insufficient_user_authentication', max_age: 3600 })
  })
})
