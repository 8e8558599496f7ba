import { beforeEach, describe, expect, test } from 'vitest'
import { formatAuditLine } from '../audit/format-audit-line.ts'
import { AGENT_A, createXaaFixture, MCP, USER, type XaaFixture } from '../id-jag/xaa-test-fixture.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { publicJwks } from '../keys/key-ring.ts'
import { decideMcpAccess } from './decide-mcp-access.ts'
import { protectedResourceMetadata, protectedResourceMetadataUrl } from './protected-resource-metadata.ts'

let x: XaaFixture
beforeEach(async () => {
  x = await createXaaFixture()
})

async function accessToken(scope = 'repo:read', dpop = false): Promise<string> {
  const grant = await x.idJag({ scope })
  const response = await x.redeem(grant, {}, AGENT_A, dpop)
  return ((await response.json()) as { access_token: string }).access_token
}

describe('the MCP server', () => {
  test('publishes its metadata after the well-known segment, naming its authorization server', () => {
    expect(protectedResourceMetadataUrl(MCP)).toBe(
      'https://idp.example/.well-known/oauth-protected-resource/mcp',
    )
    expect(
      protectedResourceMetadata({
        resource: MCP,
        authorizationServers: ['https://idp.example/resource-as'],
        scopes: ['repo:read'],
        name: 'Repositories',
      }),
    ).toMatchObject({ resource: MCP, authorization_servers: ['https://idp.example/resource-as'] })
  })

  test('answers a request without a token with 401 and a challenge carrying resource_metadata', async () => {
    const response = await x.callMcp(null)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://idp.example/.well-known/oauth-protected-resource/mcp", ' +
        'DPoP algs="ES256 ES384 ES512 PS256 EdDSA", resource_metadata="https://idp.example/.well-known/oauth-protected-resource/mcp"',
    )
  })

  test('accepts the access token and audits the user as principal and the agent as acting client', async () => {
    const response = await x.callMcp(await accessToken())
    expect(response.status).toBe(200)
    const line = formatAuditLine(x.audit.at(-1)!)
    expect(line).toContain(`principal=${USER} acting_as=${AGENT_A}`)
    expect(line).toContain(`aud=${MCP} scope=repo:read`)
  })

  test('accepts a DPoP-bound access token with a proof from its key', async () => {
    expect((await x.callMcp(await accessToken('repo:read', true), MCP, true)).status).toBe(200)
  })

  test('refuses a token for another MCP server: invalid_token, mcp.wrong_resource', async () => {
    const token = await accessToken()
    // The same token presented to an MCP server at another address, which checks for its own resource.
    const decision = await x.decideMcp(token, MCP)
    expect(decision.allow).toBe(true)
    const elsewhere = await decideMcpAccess(
      new Request('https://other.example/mcp', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      }),
      {
        resource: 'https://other.example/mcp',
        issuer: 'https://idp.example/resource-as',
        jwks: publicJwks(x.keys.ras),
        requiredScope: 'repo:read',
        nowSeconds: x.now(),
        replay: createReplayCache(),
      },
    )
    expect(elsewhere.allow || [elsewhere.error.code, elsewhere.error.reason]).toEqual([
      'invalid_token',
      'mcp.wrong_resource',
    ])
  })

  test('refuses a token without the scope with 403 insufficient_scope naming only the missing scope', async () => {
    const token = await accessToken('issues:write')
    const decision = await x.decideMcp(token)
    expect(decision.allow || [decision.error.code, decision.error.reason]).toEqual([
      'insufficient_scope',
      'token.insufficient_scope',
    ])
    const response = await x.callMcp(token)
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
    expect(response.headers.get('www-authenticate')).toContain('scope="repo:read"')
    expect(x.audit.at(-1)?.decision).toBe('deny')
  })

  test('refuses a token the IdP signed rather than the resource AS', async () => {
    const decision = await x.decideMcp(await x.idJag())
    expect(decision.allow || [decision.error.code, decision.error.reason]).toEqual([
      'invalid_token',
      'token.typ',
    ])
  })
})
