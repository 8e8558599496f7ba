// The sandbox as one fetch handler: routes each request to the core's IdP, introspection, test issuers or resource server.
import type { JWK } from 'jose'
import type { AuditEvent } from '../src/core/protocol/audit/audit-event.ts'
import { formatAuditLine } from '../src/core/protocol/audit/format-audit-line.ts'
import { systemClock, type Clock } from '../src/core/protocol/clock.ts'
import { createNonceStore, type NonceStore } from '../src/core/protocol/dpop/nonce-store.ts'
import { createReplayCache, type ReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import { httpError, httpErrorResponse, type HttpError } from '../src/core/protocol/errors/http-error.ts'
import type { Result } from '../src/core/protocol/errors/oauth-error.ts'
import type { HttpReason } from '../src/core/protocol/errors/reasons.ts'
import { securityHeaders } from '../build/content-security-policy.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import type { ExchangePolicy } from '../src/core/protocol/idp/exchange-policy.ts'
import { MAX_TOKEN_REQUEST_BYTES } from '../src/core/protocol/idp/parse-token-request.ts'
import { publicJwks, type KeyRing } from '../src/core/protocol/keys/key-ring.ts'
import { mountResourceServer } from '../src/core/protocol/resource-server/mount-resource-server.ts'
import { createResourceService } from '../src/core/protocol/resource-server/resource-endpoint.ts'
import { NO_CHECK_LOG } from '../src/core/protocol/trace/check-log.ts'
import { createAuditRing, type AuditEntry, type AuditLog, type AuditRingOptions } from './audit-ring.ts'
import { keepAudit } from './keep-audit.ts'
import { boundedRequest } from './bounded-request.ts'
import { DEFAULT_SETUP, type MountedResourceServer } from './config/apply-config.ts'
import { StoreUnavailableError } from './redis/connect-redis.ts'
import { sandboxRoutes } from './sandbox-routes.ts'
import { withCrossAppRoutes } from './cross-app-routes.ts'

export interface SandboxOptions {
  /** The issuer and public base URL: an origin such as `http://127.0.0.1:8693`, no trailing slash. */
  baseUrl: string
  keys: KeyRing
  /** The resource server's secret at the introspection endpoint (demo only). */
  introspectionSecret: string
  /** Defaults to the seed scenario's policy. */
  policy?: ExchangePolicy
  /** Defaults to the catalog's api.github.com under /api. */
  resourceServers?: MountedResourceServer[]
  /** The issuer /demo/actor-token signs as; defaults to the seed's workload issuer. */
  testWorkloadIssuer?: string
  /** Public keys of trusted workload issuers other than the sandbox's own, by issuer. */
  foreignWorkloadJwks?: Record<string, { keys: JWK[] }>
  clock?: Clock
  /** Largest request body read, in bytes; defaults to the token endpoint's own limit. */
  maxBodyBytes?: number
  audit?: AuditRingOptions
  /** Called with every decision's audit line, for example to print it. */
  onAudit?: (entry: AuditEntry) => void
  /** The DPoP replay cache shared by the IdP and the resource server; an in-memory one by default. */
  replay?: ReplayCache
  /** DPoP nonces; in memory by default. */
  nonces?: NonceStore
  /** Where audit lines are kept for GET /audit; this process's ring by default. */
  auditLog?: AuditLog
  /** Names this instance in its audit lines, when several share one log. */
  instance?: string
}

/** What routing needs of a request before its body is read: a wrong method or path is refused unread. */
export interface RequestHead {
  method: string
  pathname: string
}

/** The request on the public URL with its body read within the limit, or the refusal (413). */
export type ReadRequest = () => Promise<Result<Request, HttpError>>

export interface Sandbox {
  fetch: FetchHandler
  /**
   * The same handler for a server that reads bodies itself (the node:http bridge): routes by `head`,
   * then calls `read` only for a request it serves. `fetch` is this with `boundedRequest` as `read`.
   */
  serve(head: RequestHead, read: ReadRequest): Promise<Response>
  /** The largest body `read` may accept, in bytes. */
  maxBodyBytes: number
  audit: AuditLog
  /** The one DPoP replay cache of the process, shared by the IdP and the resource server. */
  replay: ReplayCache
}

/** Methods passed on to the resource server, which answers 405 itself for those its routes lack. */
const RESOURCE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

const refuse = (reason: HttpReason, description: string, headers: Record<string, string> = {}) =>
  httpErrorResponse(httpError(reason, description), headers)

/** Builds the sandbox's handler. The core's handlers are used as they are; this only routes and bounds. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const { baseUrl, keys } = options
  const clock = options.clock ?? systemClock
  const maxBodyBytes = options.maxBodyBytes ?? MAX_TOKEN_REQUEST_BYTES
  const audit = options.auditLog ?? createAuditRing(options.audit)
  const replay = options.replay ?? createReplayCache()
  const nonces = options.nonces ?? createNonceStore()
  const instance = options.instance === undefined ? {} : { instance: options.instance }
  const write = (entry: AuditEntry) => {
    audit.push(entry)
    options.onAudit?.(entry)
  }
  const record = (by: AuditEntry['by']) => (event: AuditEvent) =>
    write({ at: clock(), by, line: formatAuditLine(event), ...instance })
  /** Redis is down: refuse, and say so in the audit trail (stdout at least, since the shared log is down too). */
  const unavailable = (path: string, error: StoreUnavailableError) => {
    const at = clock()
    const line = `${new Date(at).toISOString()} decision=deny error=temporarily_unavailable path=${path} reason="shared state (Redis) unreachable; refused rather than risk accepting a replay"`
    write({ at, by: 'sandbox', line, ...instance })
    return new Response(
      JSON.stringify({ error: 'temporarily_unavailable', error_description: error.message }),
      { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '1' } },
    )
  }
  const routeContext = {
    ...options,
    policy: options.policy ?? DEFAULT_SETUP.policy,
    testWorkloadIssuer: options.testWorkloadIssuer ?? DEFAULT_SETUP.testWorkloadIssuer,
    foreignWorkloadJwks: options.foreignWorkloadJwks ?? {},
    clock,
    replay,
    nonces,
    audit,
    record: record('idp'),
    recordResource: record('resource-server'),
  }
  const routes = withCrossAppRoutes(sandboxRoutes(routeContext), routeContext)
  const mounted = (options.resourceServers ?? DEFAULT_SETUP.resourceServers).map(({ server, mount }) => ({
    prefix: `${mount}/`,
    handle: keepAudit(
      record('resource-server'),
      createResourceService({
        // The audience is kept, so the policy's grants for it apply here.
        config: mountResourceServer(server, { origin: baseUrl, pathPrefix: mount }),
        idpIssuer: baseUrl,
        idpJwks: publicJwks(keys.idp),
        clock,
        replay,
        log: NO_CHECK_LOG,
      }),
    ),
  }))

  const route = async ({ method: requestMethod, pathname }: RequestHead, read: ReadRequest) => {
    const fixed = routes.get(pathname)
    const resourceServer = mounted.find(({ prefix }) => pathname.startsWith(prefix))?.handle
    if (fixed) {
      // HEAD is answered as GET; Node leaves the body out.
      const method = requestMethod === 'HEAD' ? 'GET' : requestMethod
      if (method !== fixed.method) {
        const allow = fixed.method === 'GET' ? 'GET, HEAD' : fixed.method
        const description = `Method ${requestMethod} is not allowed on ${pathname}; use ${fixed.method}`
        return refuse('http.method_not_allowed', description, { allow })
      }
    } else if (!resourceServer) {
      return refuse('http.not_found', `No endpoint at ${pathname}`)
    } else if (!RESOURCE_METHODS.includes(requestMethod)) {
      return refuse('http.method_not_allowed', `Method ${requestMethod} is not allowed`, {
        allow: 'GET, POST',
      })
    }
    const bounded = await read()
    // After a 413 the rest of the upload is unread, so the connection can't carry another request.
    if (!bounded.ok)
      return httpErrorResponse(bounded.error, bounded.error.status === 413 ? { connection: 'close' } : {})
    return (fixed?.handle ?? resourceServer!)(bounded.value)
  }

  // Every answer, errors included, carries the project's security headers (the same CSP as the page).
  const serve = async (head: RequestHead, read: ReadRequest) =>
    withSecurityHeaders(await answer(() => route(head, read), head.pathname, unavailable))
  return {
    audit,
    replay,
    serve,
    maxBodyBytes,
    fetch: (request) =>
      serve({ method: request.method, pathname: new URL(request.url).pathname }, () =>
        boundedRequest(request, baseUrl, maxBodyBytes),
      ),
  }
}

/** Routes one request; only a bug throws, and it still gets a JSON 500 while the process keeps serving. */
async function answer(
  route: () => Promise<Response>,
  path: string,
  unavailable: (path: string, error: StoreUnavailableError) => Response,
): Promise<Response> {
  try {
    return await route()
  } catch (error) {
    // A shared store that can't answer fails the request closed: 503, never a pass.
    if (error instanceof StoreUnavailableError) return unavailable(path, error)
    // Only a bug gets here. The client still gets JSON, and the process keeps serving.
    console.error('sandbox: unexpected error', error)
    return new Response(
      JSON.stringify({ error: 'server_error', error_description: 'Unexpected error in the sandbox' }),
      { status: 500, headers: { 'content-type': 'application/json' } },
    )
  }
}

const SECURITY_HEADERS = Object.entries(securityHeaders())

/**
 * The response with the security headers added: in place, as the core's responses are made with
 * `new Response` and their headers can change; on a copy for the few whose headers are immutable.
 */
function withSecurityHeaders(response: Response): Response {
  try {
    for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value)
    return response
  } catch {
    const secured = new Response(response.body, response)
    for (const [name, value] of SECURITY_HEADERS) secured.headers.set(name, value)
    return secured
  }
}
