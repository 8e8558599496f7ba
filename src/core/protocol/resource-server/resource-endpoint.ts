// The resource server as a fetch handler: route, access token, DPoP key binding, scope, then the resource.
import type { JWK, JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'
import type { NonceStore } from '../dpop/nonce-store.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { HTTP_FAILURE_WIRE_ERROR } from '../errors/http-error.ts'
import { isHttpError, type Refusal } from '../errors/refusal.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { decideResourceAccess } from './decide-resource-access.ts'
import { readResourceRequest } from './read-resource-request.ts'
import type { ResourceServerConfig } from './resource-server-config.ts'
import { resourceAuditEvent } from './resource-audit-event.ts'
import { wwwAuthenticate } from './www-authenticate.ts'

export interface ResourceServerOptions {
  config: ResourceServerConfig
  idpIssuer: string
  idpJwks: { keys: JWK[] }
  clock: Clock
  replay: ReplayCache
  log: CheckLog
  /**
   * Defences this server runs without, by the reason each would refuse with: the playground's "Defence on"
   * switches. Default none. Set only by code (a playground flow); no request, config or env reaches it.
   */
  defencesOff?: DefencesOff
  /** When set, every DPoP proof must carry a nonce issued by this store (RFC 9449 §9). */
  dpopNonce?: NonceStore
}

/** One request, served: the response, what was decided, and the one audit event for it. */
export interface ServedResource {
  response: Response
  decision: { accepted: true; claims: JWTPayload } | { accepted: false; error: Refusal }
  audit: AuditEvent
}

export type ResourceService = (request: Request) => Promise<ServedResource>

/** The resource server as a plain fetch handler, for mounts that keep no audit trail. */
export function createResourceServer(options: ResourceServerOptions): FetchHandler {
  const serve = createResourceService(options)
  return async (request) => (await serve(request)).response
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/**
 * Creates a resource server. Every request gets exactly one audit event and one response: 404/405 for
 * unknown routes, 400/401 with a `WWW-Authenticate` challenge for credential problems, 403 for missing
 * scope, else 200 with the resource as JSON. It reads the request (`readResourceRequest`), lets
 * `decideResourceAccess` decide, and only turns the decision into HTTP.
 * @see RFC 6750 §3
 * @see RFC 9068 §4
 * @see RFC 9449 §7
 */
export function createResourceService(options: ResourceServerOptions): ResourceService {
  const { config } = options
  const log = withDefencesOff(options.log, options.defencesOff)
  return async (request): Promise<ServedResource> => {
    const time = options.clock()
    const nowSeconds = epochSeconds(() => time)
    const record = checkRecorder(log)
    const refused = (error: Refusal, claims: JWTPayload | null, presented: string | null) => ({
      decision: { accepted: false as const, error },
      audit: resourceAuditEvent(time, claims, error, presented),
    })

    const read = readResourceRequest(request, config, record)
    if (!read.ok) {
      const { error } = read
      // A path or method this server lacks is a plain HTTP 404/405: no credentials were read, so no challenge.
      if (isHttpError(error)) {
        const allow: Record<string, string> = read.allow.length > 0 ? { allow: read.allow.join(', ') } : {}
        const body = { error: HTTP_FAILURE_WIRE_ERROR, error_description: error.description }
        return { response: json(error.status, body, allow), ...refused(error, null, null) }
      }
      // RFC 6750 §3.1: a request with no credentials gets a bare challenge, no error code and no body.
      const challenge =
        error.reason === 'request.no_credentials'
          ? wwwAuthenticate({ error: null, scheme: null, algs: DPOP_ALGORITHMS })
          : wwwAuthenticate({ error, scheme: null, algs: DPOP_ALGORITHMS })
      const response =
        error.reason === 'request.no_credentials'
          ? new Response(null, { status: 401, headers: { 'www-authenticate': challenge } })
          : json(
              error.status,
              { error: error.code, error_description: error.description },
              { 'www-authenticate': challenge },
            )
      return { response, ...refused(error, null, null) }
    }

    const parsed = read.value
    const decision = await decideResourceAccess(parsed, {
      issuer: options.idpIssuer,
      audience: config.audience,
      idpJwks: options.idpJwks,
      nowSeconds,
      replay: options.replay,
      record,
      ...(options.dpopNonce ? { dpopNonce: options.dpopNonce } : {}),
    })
    if (!decision.accepted) {
      const { error } = decision
      // RFC 9449 §9: a nonce challenge carries the nonce to retry with.
      const retryWith =
        error.code === 'use_dpop_nonce' ? await options.dpopNonce?.issue(nowSeconds) : undefined
      const scope = error.reason === 'token.insufficient_scope' ? { scope: parsed.route.scope } : {}
      const challenge = wwwAuthenticate({ error, scheme: parsed.scheme, algs: DPOP_ALGORITHMS, ...scope })
      const headers = {
        'www-authenticate': challenge,
        ...(retryWith === undefined ? {} : { 'dpop-nonce': retryWith }),
      }
      const body = { error: error.code, error_description: error.description }
      return { response: json(error.status, body, headers), ...refused(error, decision.claims, parsed.token) }
    }
    const { route, params } = parsed
    return {
      response: json(
        200,
        route.respond ? route.respond(params) : { resource: new URL(request.url).pathname, params },
      ),
      decision: { accepted: true, claims: decision.claims },
      audit: resourceAuditEvent(time, decision.claims, null),
    }
  }
}
