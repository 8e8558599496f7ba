// The resource server as a fetch handler: route, access token, DPoP key binding, scope, then the resource.
import type { JWK, JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'
import type { NonceStore } from '../dpop/nonce-store.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { HTTP_FAILURE_WIRE_ERROR } from '../errors/http-error.ts'
import { oauthError, type OAuthError } from '../errors/oauth-error.ts'
import type { Refusal } from '../errors/refusal.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import type { ResourceServerConfig } from './resource-server-config.ts'
import { checkTokenBinding } from './check-token-binding.ts'
import { matchRoute } from './match-route.ts'
import { parseAuthorization } from './parse-authorization.ts'
import { resourceAuditEvent } from './resource-audit-event.ts'
import { RS_CHECKS as C } from './resource-checks.ts'
import { verifyAccessToken } from './verify-access-token.ts'
import { wwwAuthenticate, type AuthScheme } from './www-authenticate.ts'
import { parseScope } from '../tokens/scope.ts'

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
 * scope, else 200 with the resource as JSON.
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
    const url = new URL(request.url)
    // Claims of a token that verified; a token refused for signature, typ, iss, aud or time never gets here.
    let claims: JWTPayload | null = null
    let scheme: AuthScheme | null = null
    // The token as presented, before verification: a denial names who it claimed to be, marked as claimed.
    let presented: string | null = null

    const deny = (error: OAuthError, extra: { scope?: string; headers?: Record<string, string> } = {}) => {
      const audit = resourceAuditEvent(time, claims, error, presented)
      const refused = { decision: { accepted: false as const, error }, audit }
      const body = { error: error.code, error_description: error.description }
      const challenge = wwwAuthenticate({ error, scheme, algs: DPOP_ALGORITHMS, ...extra })
      return {
        response: json(error.status, body, { 'www-authenticate': challenge, ...extra.headers }),
        ...refused,
      }
    }

    const match = matchRoute(config, request.method, url.pathname)
    if (!match.found) {
      // A path or method this server lacks is a plain HTTP 404/405: no credentials were read, so no challenge.
      const { error } = match
      log.record({ ...C.route, ok: false, detail: error.explanation })
      const allow: Record<string, string> = match.allow.length > 0 ? { allow: match.allow.join(', ') } : {}
      const body = { error: HTTP_FAILURE_WIRE_ERROR, error_description: error.description }
      return {
        response: json(error.status, body, allow),
        decision: { accepted: false, error },
        audit: resourceAuditEvent(time, null, error),
      }
    }
    const { route, params } = match
    log.record({ ...C.route, ok: true, detail: `${route.method} ${route.pattern} needs "${route.scope}"` })

    const credentials = parseAuthorization(request)
    if (!credentials.ok) {
      log.record({ ...C.authorization, ok: false, detail: credentials.error.explanation })
      return deny(credentials.error)
    }
    if (credentials.value === null) {
      // RFC 6750 §3.1: a request with no credentials gets a bare challenge, no error code and no body.
      const error = oauthError('request.no_credentials', 'No access token in the request', {
        explanation:
          'The request has no "Authorization: Bearer" or "Authorization: DPoP" header, so nothing says who is calling.',
      })
      log.record({ ...C.authorization, ok: false, detail: error.explanation })
      const response = new Response(null, {
        status: 401,
        headers: {
          'www-authenticate': wwwAuthenticate({ error: null, scheme: null, algs: DPOP_ALGORITHMS }),
        },
      })
      return { response, decision: { accepted: false, error }, audit: resourceAuditEvent(time, null, error) }
    }
    scheme = credentials.value.scheme
    const token = credentials.value.token
    presented = token
    log.record({ ...C.authorization, ok: true, detail: `${scheme} scheme` })

    const verified = await verifyAccessToken(token, {
      issuer: options.idpIssuer,
      audience: config.audience,
      jwks: options.idpJwks,
      nowSeconds,
      log,
    })
    if (!verified.ok) return deny(verified.error)
    claims = verified.value.payload

    const binding = await checkTokenBinding({
      request,
      scheme,
      token,
      claims,
      nowSeconds,
      log,
      replay: options.replay,
      ...(options.dpopNonce ? { dpopNonce: options.dpopNonce } : {}),
    })
    if (!binding.ok) {
      // RFC 9449 §9: a nonce challenge carries the nonce to retry with.
      const retryWith =
        binding.error.code === 'use_dpop_nonce' ? await options.dpopNonce?.issue(nowSeconds) : undefined
      return deny(binding.error, retryWith === undefined ? {} : { headers: { 'dpop-nonce': retryWith } })
    }

    const granted = parseScope(claims.scope)
    if (!granted.includes(route.scope)) {
      const error = oauthError('token.insufficient_scope', `Access token "scope" lacks "${route.scope}"`, {
        explanation: `"${route.describe}" needs the "${route.scope}" scope; the token carries ${granted.length > 0 ? `"${granted.join(' ')}"` : 'no scope'}.`,
      })
      log.record({ ...C.scope, ok: false, detail: error.explanation })
      return deny(error, { scope: route.scope })
    }
    log.record({ ...C.scope, ok: true, detail: route.scope })

    return {
      response: json(200, route.respond ? route.respond(params) : { resource: url.pathname, params }),
      decision: { accepted: true, claims },
      audit: resourceAuditEvent(time, claims, null),
    }
  }
}
