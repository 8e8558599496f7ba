// Domain B's resource server: accepts only B's own access tokens and writes an audit line naming user and agent.
import { decodeJwt, type JWK, type JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { OAuthError } from '../errors/oauth-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { parseAuthorization } from '../resource-server/parse-authorization.ts'
import { resourceAuditEvent } from '../resource-server/resource-audit-event.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import { NO_CHECK_LOG } from '../trace/check-log.ts'
import { IDENTITY_CHAINING_DRAFT } from './chaining-spec.ts'
import { parseScope } from '../tokens/scope.ts'

export interface ChainedResourceServerOptions {
  /** Domain B's AS: the only issuer whose tokens count here. */
  issuer: string
  jwks: { keys: JWK[] }
  audience: string
  /** The scope every request needs. */
  scope: string
  clock: Clock
  audit: (event: AuditEvent, error: OAuthError | null) => void
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

function tokenIssuer(token: string): string | null {
  try {
    const iss = decodeJwt(token).iss
    return typeof iss === 'string' ? iss : null
  } catch {
    return null
  }
}

/**
 * A Bearer-token resource server for domain B. A token from any other issuer, domain A's included, is
 * refused as `chain.foreign_token`: crossing a domain takes a grant and B's own token.
 * @see RFC 9068 §4
 * @see draft-ietf-oauth-identity-chaining-16 §2.3.3 (why A's token is no grant at B)
 */
export function createChainedResourceServer(options: ChainedResourceServerOptions): FetchHandler {
  return async (request) => {
    const time = options.clock()
    let claims: JWTPayload | null = null
    const deny = (error: OAuthError) => {
      options.audit(resourceAuditEvent(time, claims, error), error)
      return json(
        error.status,
        { error: error.code, error_description: error.description },
        {
          'www-authenticate': `Bearer error="${error.code}"`,
        },
      )
    }
    const credentials = parseAuthorization(request)
    if (!credentials.ok) return deny(credentials.error)
    if (credentials.value === null)
      return deny(
        refusal({
          code: 'invalid_token',
          status: 401,
          reason: 'chain.token_missing',
          spec: { doc: 'RFC 6750', section: '3.1' },
          description: 'An access token from this domain is required',
        }),
      )
    const { token } = credentials.value
    const issuer = tokenIssuer(token)
    if (issuer !== null && issuer !== options.issuer)
      return deny(
        refusal({
          code: 'invalid_token',
          status: 401,
          reason: 'chain.foreign_token',
          spec: { doc: IDENTITY_CHAINING_DRAFT, section: '2.3.3' },
          description: `Access token "iss" ${issuer} is another domain's; exchange it for a grant first`,
        }),
      )
    const verified = await verifyAccessToken(token, {
      issuer: options.issuer,
      audience: options.audience,
      jwks: options.jwks,
      nowSeconds: epochSeconds(() => time),
      log: NO_CHECK_LOG,
    })
    if (!verified.ok) return deny(verified.error)
    claims = verified.value.payload
    const held = parseScope(claims.scope)
    if (!held.includes(options.scope))
      return deny(
        refusal({
          code: 'insufficient_scope',
          status: 403,
          reason: 'chain.scope_insufficient',
          spec: { doc: 'RFC 6750', section: '3.1' },
          description: `Access token lacks scope "${options.scope}"`,
        }),
      )
    const event = resourceAuditEvent(time, claims, null)
    options.audit(event, null)
    return json(200, {
      resource: new URL(request.url).pathname,
      principal: event.principal,
      acting_as: event.actingAs,
      via: event.via,
    })
  }
}
