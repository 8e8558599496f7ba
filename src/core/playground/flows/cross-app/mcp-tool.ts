// The in-page MCP server: the core's access guard, then one JSON-RPC tool that reads the repository API.
import type { AuditEvent } from '../../../protocol/audit/audit-event.ts'
import type { Clock } from '../../../protocol/clock.ts'
import type { ReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import { guardMcpRequest } from '../../../protocol/mcp/guard-mcp-request.ts'
import { findResourceServer } from '../../resource-catalog.ts'
import { matchRoute } from '../../../protocol/resource-server/match-route.ts'
import type { CheckLog } from '../../../protocol/trace/check-log.ts'
import type { DefencesOff } from '../../../protocol/trace/defence-switch.ts'
import type { JWK } from 'jose'
import type { Service } from '../step-recorder.ts'
import { MCP_TOOL_SCOPE } from './cross-app-setup.ts'

export interface McpServiceOptions {
  resource: string
  resourceAsIssuer: string
  resourceAsJwks: { keys: JWK[] }
  clock: Clock
  replay: ReplayCache
  log: CheckLog
  /** The page's "Defence on" switches, from the scenario. */
  defencesOff: DefencesOff
}

const rpc = (body: Record<string, unknown>) =>
  new Response(JSON.stringify({ jsonrpc: '2.0', ...body }), {
    headers: { 'content-type': 'application/json' },
  })

/**
 * Answers a JSON-RPC `tools/call` of `get_repository` (MCP 2025-11-25 "Tools"), the page's stand-in for
 * the sandbox's SDK server: the SDK stays out of the browser bundle, the access decision is the same.
 */
async function answerToolCall(request: Request, principal: unknown): Promise<Response> {
  let call: {
    id?: unknown
    method?: unknown
    params?: { name?: unknown; arguments?: Record<string, unknown> }
  }
  try {
    call = (await request.json()) as typeof call
  } catch {
    return rpc({ id: null, error: { code: -32700, message: 'Parse error' } })
  }
  if (call.method !== 'tools/call' || call.params?.name !== 'get_repository')
    return rpc({ id: call.id ?? null, error: { code: -32601, message: 'Unknown method or tool' } })
  const { owner, repo } = call.params.arguments ?? {}
  const api = findResourceServer('api.github.com')
  const match = api && matchRoute(api, 'GET', `/repos/${String(owner)}/${String(repo)}`)
  const data = match?.found && match.route.respond ? match.route.respond(match.params) : null
  return rpc({
    id: call.id ?? null,
    result: {
      content: [{ type: 'text', text: JSON.stringify({ ...data, read_for: principal }) }],
      isError: data === null,
    },
  })
}

/** The MCP server as a step service: its decision, its response and its audit line. */
export function createMcpService(options: McpServiceOptions): Service {
  return async (request) => {
    let audit: AuditEvent | undefined
    const guarded = await guardMcpRequest(request, {
      resource: options.resource,
      issuer: options.resourceAsIssuer,
      jwks: options.resourceAsJwks,
      requiredScope: MCP_TOOL_SCOPE,
      clock: options.clock,
      replay: options.replay,
      log: options.log,
      defencesOff: options.defencesOff,
      audit: (event) => (audit = event),
    })
    if (!guarded.ok)
      return { response: guarded.response, decision: { accepted: false, error: guarded.error }, audit }
    return {
      response: await answerToolCall(request, guarded.claims.sub),
      decision: { accepted: true },
      audit,
    }
  }
}
