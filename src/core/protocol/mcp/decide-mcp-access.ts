// The MCP server's access decision: the resource server's own token checks, for this resource and scope.
import type { JWK, JWTPayload } from 'jose'
import type { NonceStore } from '../dpop/nonce-store.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { xaaError, type XaaError } from '../id-jag/xaa-error.ts'
import { ACCESS_TOKEN_CHECKS } from '../resource-server/access-token-checks.ts'
import { checkTokenBinding } from '../resource-server/check-token-binding.ts'
import { parseAuthorization } from '../resource-server/parse-authorization.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import type { AuthScheme } from '../resource-server/www-authenticate.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { parseScope } from '../tokens/scope.ts'

export interface McpAccessOptions {
  /** This MCP server's resource identifier: access tokens must have it in `aud`. */
  resource: string
  /** The resource authorization server's issuer and keys. */
  issuer: string
  jwks: { keys: JWK[] }
  /** The scope every call needs. */
  requiredScope: string
  nowSeconds: number
  replay: ReplayCache
  dpopNonce?: NonceStore
  log?: CheckLog
}

export type McpAccessDecision =
  | { allow: true; claims: JWTPayload; scopes: string[]; token: string }
  | { allow: false; error: XaaError; claims: JWTPayload | null; scheme: AuthScheme | null; scope?: string }

/**
 * Decides one request to the MCP server, with the resource server's parser, JWT access-token verifier
 * and DPoP binding check: no credentials gets 401 `request.no_credentials`; a token for another resource
 * `invalid_token` `mcp.wrong_resource`; a token without the scope 403 `insufficient_scope` (`token.insufficient_scope`) naming only it;
 * every other refusal is the resource server's own (`token.*`, `dpop.*`).
 * @see RFC 9728 §5.1, RFC 6750 §3.1, RFC 9068 §4, RFC 8707 §2
 * @see MCP Authorization (2025-11-25) "Token Handling", MCP EMA §5.1
 */
export async function decideMcpAccess(
  request: Request,
  options: McpAccessOptions,
): Promise<McpAccessDecision> {
  const log = options.log ?? NO_CHECK_LOG
  const deny = (
    error: XaaError,
    extra: { claims?: JWTPayload | null; scheme?: AuthScheme | null; scope?: string } = {},
  ): McpAccessDecision => ({
    allow: false,
    error: { ...error, param: error.param ?? 'Authorization' },
    claims: extra.claims ?? null,
    scheme: extra.scheme ?? null,
    ...(extra.scope ? { scope: extra.scope } : {}),
  })

  const credentials = parseAuthorization(request)
  if (!credentials.ok) return deny(credentials.error)
  if (credentials.value === null)
    return deny(xaaError('request.no_credentials', 'No access token in the request', 'Authorization'))
  const { scheme, token } = credentials.value

  // Which check refused tells a token for another resource apart from a bad token.
  let failedCheck: string | null = null
  const verified = await verifyAccessToken(token, {
    issuer: options.issuer,
    audience: options.resource,
    jwks: options.jwks,
    nowSeconds: options.nowSeconds,
    log: {
      record(check) {
        if (!check.ok) failedCheck = check.label
        log.record(check)
      },
    },
  })
  if (!verified.ok) {
    const wrongResource = failedCheck === ACCESS_TOKEN_CHECKS.aud.label
    return deny(
      wrongResource
        ? xaaError('mcp.wrong_resource', `Access token is not for ${options.resource}`, 'Authorization')
        : verified.error,
      { scheme },
    )
  }
  const claims = verified.value.payload

  const binding = await checkTokenBinding({
    request,
    scheme,
    token,
    claims,
    nowSeconds: options.nowSeconds,
    replay: options.replay,
    log,
    ...(options.dpopNonce ? { dpopNonce: options.dpopNonce } : {}),
  })
  if (!binding.ok) return deny(binding.error, { claims, scheme })

  const scopes = parseScope(claims.scope)
  if (!scopes.includes(options.requiredScope))
    return deny(
      xaaError(
        'token.insufficient_scope',
        `Access token "scope" lacks "${options.requiredScope}"`,
        'Authorization',
      ),
      { claims, scheme, scope: options.requiredScope },
    )
  return { allow: true, claims, scopes, token }
}
