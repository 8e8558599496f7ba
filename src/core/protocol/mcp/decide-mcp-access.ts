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
import { checkRecorder } from '../trace/check-recorder.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
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

/** The check a token for another MCP server fails, as the checks pane names it. */
export const WRONG_RESOURCE_CHECK = "the access token's aud is this MCP server"

// The audiences a token names, read unverified: only to tell a token for another resource apart.
function audiencesOf(token: string): string[] {
  const read = readCompactJws(token, 'Access token')
  const aud = read.ok ? read.value.payload.aud : undefined
  return [aud ?? []].flat().filter((value): value is string => typeof value === 'string')
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
  const record = checkRecorder(log)
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

  const CREDENTIALS = 'the request carries one access token (Authorization)'
  const credentials = parseAuthorization(request)
  if (!credentials.ok || credentials.value === null) {
    const error = credentials.ok
      ? xaaError('request.no_credentials', 'No access token in the request', 'Authorization')
      : credentials.error
    return deny(record.refuse({ label: CREDENTIALS }, error, error.description))
  }
  record.pass({ label: CREDENTIALS, spec: 'RFC 6750 §2.1, RFC 9449 §7.1' }, credentials.value.scheme)
  const { scheme, token } = credentials.value

  // With its defence off, a token for another resource is verified against the audience it names, and
  // the check it would have failed is recorded as skipped: the confused deputy RFC 8707 §2 prevents.
  let audience = options.resource
  const named = audiencesOf(token)
  if (!named.includes(options.resource) && named[0] !== undefined) {
    const wrong = xaaError('mcp.wrong_resource', `Access token is for ${named.join(' ')}`, 'Authorization')
    if (record.skipped({ label: WRONG_RESOURCE_CHECK, spec: 'RFC 8707 §2, RFC 9068 §4' }, wrong))
      audience = named[0]
  }

  // Which check refused tells a token for another resource apart from a bad token.
  let failedCheck: string | null = null
  const verified = await verifyAccessToken(token, {
    issuer: options.issuer,
    audience,
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

  const SCOPE = `the access token's scope includes ${options.requiredScope}`
  const scopes = parseScope(claims.scope)
  if (!scopes.includes(options.requiredScope)) {
    const error = xaaError(
      'token.insufficient_scope',
      `Access token "scope" lacks "${options.requiredScope}"`,
      'Authorization',
    )
    return deny(record.refuse({ label: SCOPE }, error, error.description), {
      claims,
      scheme,
      scope: options.requiredScope,
    })
  }
  record.pass({ label: SCOPE, spec: 'RFC 6750 §3.1' }, scopes.join(' '))
  return { allow: true, claims, scopes, token }
}
