// Reads what a resource request names before any token is verified: the route, the one access token, the DPoP proofs.
import { oauthError } from '../errors/oauth-error.ts'
import type { Refusal } from '../errors/refusal.ts'
import type { CheckRecorder } from '../trace/check-recorder.ts'
import { matchRoute } from './match-route.ts'
import { parseAuthorization } from './parse-authorization.ts'
import { RS_CHECKS as C } from './resource-checks.ts'
import type { ResourceRoute, ResourceServerConfig } from './resource-server-config.ts'
import type { AuthScheme } from './www-authenticate.ts'

/** A resource request as the decision reads it. */
export interface ResourceRequest {
  route: ResourceRoute
  params: Record<string, string>
  scheme: AuthScheme
  /** The access token as presented, not yet verified. */
  token: string
  /** The request as received: a DPoP proof must name its method and URL (RFC 9449 §4.3). */
  request: Request
}

export type ReadResourceRequest =
  | { ok: true; value: ResourceRequest }
  /** `allow`: for a 405, the methods the path does take (RFC 9110 §15.5.6). */
  | { ok: false; error: Refusal; allow: string[] }

/**
 * Reads the route (a plain 404/405 when there is none) and the credentials (400 when there are several
 * or a malformed one, 401 `request.no_credentials` when there are none). Each step is a recorded check,
 * so a request refused here still shows why.
 * @see RFC 9110 §15.5.5, §15.5.6
 * @see RFC 6750 §2.1, §3.1
 * @see RFC 9449 §7.1
 */
export function readResourceRequest(
  request: Request,
  config: ResourceServerConfig,
  record: CheckRecorder,
): ReadResourceRequest {
  const url = new URL(request.url)
  const match = matchRoute(config, request.method, url.pathname)
  if (!match.found) return { ok: false, error: record.refuse(C.route, match.error), allow: match.allow }
  const { route, params } = match
  record.pass(C.route, `${route.method} ${route.pattern} needs "${route.scope}"`)

  const credentials = parseAuthorization(request)
  if (!credentials.ok)
    return { ok: false, error: record.refuse(C.authorization, credentials.error), allow: [] }
  if (credentials.value === null) {
    const error = oauthError('request.no_credentials', 'No access token in the request', {
      explanation:
        'The request has no "Authorization: Bearer" or "Authorization: DPoP" header, so nothing says who is calling.',
    })
    return { ok: false, error: record.refuse(C.authorization, error), allow: [] }
  }
  const { scheme, token } = credentials.value
  record.pass(C.authorization, `${scheme} scheme`)
  return {
    ok: true,
    value: { route, params, scheme, token, request },
  }
}
