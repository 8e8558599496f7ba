// Turns the MCP server's access decision into HTTP: the refusal with its challenge, and the audit event.
import type { AuditEvent } from '../audit/audit-event.ts'
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'
import type { XaaError } from '../id-jag/xaa-error.ts'
import { resourceAuditEvent } from '../resource-server/resource-audit-event.ts'
import { wwwAuthenticate } from '../resource-server/www-authenticate.ts'
import { NO_CHECK_LOG } from '../trace/check-log.ts'
import { withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { decideMcpAccess, type McpAccessOptions } from './decide-mcp-access.ts'
import { protectedResourceMetadataUrl } from './protected-resource-metadata.ts'

export interface McpGuardOptions extends Omit<McpAccessOptions, 'nowSeconds'> {
  clock: Clock
  /**
   * Defences this server runs without (`mcp.wrong_resource`, the resource server's `token.*`, `dpop.*`):
   * the playground's "Defence on" switches. Default none; set only by code, never by a request or config.
   */
  defencesOff?: DefencesOff
  /** Called once per request with the decision's audit event (RFC 8693 §4.1: `act` names the agent). */
  audit: (event: AuditEvent, error: XaaError | null) => void
}

export type McpGuardResult =
  | { ok: true; claims: McpAccessDecisionClaims; scopes: string[]; token: string }
  | { ok: false; response: Response; error: XaaError }

type McpAccessDecisionClaims = Extract<Awaited<ReturnType<typeof decideMcpAccess>>, { allow: true }>['claims']

/**
 * Guards one request to the MCP server. A refusal is a JSON error with a `WWW-Authenticate` challenge
 * naming the RFC 9728 metadata URL; a request without credentials gets the bare challenge and no body.
 * @see RFC 9728 §5.1, RFC 6750 §3, RFC 9449 §7.1
 */
export async function guardMcpRequest(request: Request, options: McpGuardOptions): Promise<McpGuardResult> {
  const time = options.clock()
  const log = withDefencesOff(options.log ?? NO_CHECK_LOG, options.defencesOff)
  const decision = await decideMcpAccess(request, { ...options, log, nowSeconds: epochSeconds(() => time) })
  if (decision.allow) {
    options.audit(resourceAuditEvent(time, decision.claims, null), null)
    return { ok: true, claims: decision.claims, scopes: decision.scopes, token: decision.token }
  }
  const { error } = decision
  options.audit(resourceAuditEvent(time, decision.claims, error), error)
  const challenge = wwwAuthenticate({
    error: error.reason === 'request.no_credentials' ? null : error,
    scheme: decision.scheme,
    algs: DPOP_ALGORITHMS,
    resourceMetadata: protectedResourceMetadataUrl(options.resource),
    ...(decision.scope ? { scope: decision.scope } : {}),
  })
  const body =
    error.reason === 'request.no_credentials'
      ? null
      : JSON.stringify({ error: error.code, error_description: error.description })
  const response = new Response(body, {
    status: error.status,
    headers: { 'www-authenticate': challenge, ...(body ? { 'content-type': 'application/json' } : {}) },
  })
  return { ok: false, response, error }
}
