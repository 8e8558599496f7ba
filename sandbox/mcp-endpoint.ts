// The sandbox's MCP server: the official SDK's server over Streamable HTTP, behind the core's access guard.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { z } from 'zod'
import type { AuditEvent } from '../src/core/protocol/audit/audit-event.ts'
import type { Clock } from '../src/core/protocol/clock.ts'
import type { ReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import { guardMcpRequest } from '../src/core/protocol/mcp/guard-mcp-request.ts'
import { findResourceServer } from '../src/core/playground/resource-catalog.ts'
import { matchRoute } from '../src/core/protocol/resource-server/match-route.ts'

export interface McpEndpointOptions {
  /** This MCP server's URL, its resource identifier. */
  resource: string
  resourceAsIssuer: string
  resourceAsJwks: () => Promise<{ keys: import('jose').JWK[] }>
  requiredScope: string
  clock: Clock
  replay: ReplayCache
  record: (event: AuditEvent) => void
}

const REPOSITORY_API = findResourceServer('api.github.com')!

/** The repository API's answer for a path, as its resource server's route gives it. */
function readRepositoryApi(path: string): Record<string, unknown> | null {
  const match = matchRoute(REPOSITORY_API, 'GET', path)
  return match.found && match.route.respond ? match.route.respond(match.params) : null
}

/** One MCP server per request, in the SDK's stateless mode: no session outlives the call. */
function repositoryServer(): McpServer {
  const server = new McpServer({ name: 'repository', version: '1.0.0' })
  server.registerTool(
    'get_repository',
    {
      description: "Reads a repository from the repository API (the sandbox's api.github.com stand-in)",
      inputSchema: { owner: z.string().min(1).max(100), repo: z.string().min(1).max(100) },
    },
    async ({ owner, repo }, extra) => {
      const data = readRepositoryApi(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`)
      const onBehalfOf = extra.authInfo?.extra?.sub
      return {
        content: [{ type: 'text', text: JSON.stringify({ ...data, read_for: onBehalfOf }) }],
        isError: data === null,
      }
    },
  )
  return server
}

/**
 * The MCP endpoint: every request passes the access guard first (401 with `resource_metadata`, 403 for
 * a missing scope, `mcp.wrong_resource` for another server's token), then the SDK answers the JSON-RPC.
 * @see MCP Authorization (2025-11-25), RFC 9728 §5.1
 */
export function createMcpEndpoint(options: McpEndpointOptions): FetchHandler {
  return async (request) => {
    const guarded = await guardMcpRequest(request, {
      resource: options.resource,
      issuer: options.resourceAsIssuer,
      jwks: await options.resourceAsJwks(),
      requiredScope: options.requiredScope,
      clock: options.clock,
      replay: options.replay,
      audit: (event) => options.record(event),
    })
    if (!guarded.ok) return guarded.response
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    })
    await repositoryServer().connect(transport)
    const { claims } = guarded
    return transport.handleRequest(request, {
      authInfo: {
        token: guarded.token,
        clientId: String(claims.client_id),
        scopes: guarded.scopes,
        ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
        resource: new URL(options.resource),
        extra: { sub: claims.sub },
      },
    })
  }
}
