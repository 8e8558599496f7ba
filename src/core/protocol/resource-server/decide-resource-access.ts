// The resource server's decision on a read request: access token, DPoP key binding, scope. No HTTP here.
import type { JWK, JWTPayload } from 'jose'
import type { NonceStore } from '../dpop/nonce-store.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { oauthError, type OAuthError } from '../errors/oauth-error.ts'
import { parseScope } from '../tokens/scope.ts'
import type { CheckRecorder } from '../trace/check-recorder.ts'
import { checkTokenBinding } from './check-token-binding.ts'
import type { ResourceRequest } from './read-resource-request.ts'
import { RS_CHECKS as C } from './resource-checks.ts'
import { verifyAccessToken } from './verify-access-token.ts'

export interface ResourceAccessContext {
  /** The IdP's issuer identifier, which `iss` must equal. */
  issuer: string
  /** This resource server's audience, which `aud` must include. */
  audience: string
  idpJwks: { keys: JWK[] }
  nowSeconds: number
  /** The DPoP replay cache: the one piece of state a decision touches (a proof's `jti` is spent). */
  replay: ReplayCache
  /** When set, every DPoP proof must carry a nonce issued by this store (RFC 9449 §9). */
  dpopNonce?: NonceStore
  record: CheckRecorder
}

/**
 * Accepted with the verified claims, or refused with the error and the claims of a token that verified
 * (so the audit names who was refused); a token refused for its signature, typ, iss, aud or time has none.
 */
export type ResourceDecision =
  { accepted: true; claims: JWTPayload } | { accepted: false; error: OAuthError; claims: JWTPayload | null }

/**
 * Decides a resource request already read by `readResourceRequest`: the access token verifies (RFC 9068
 * §4), is used as it is bound (RFC 9449 §7), and its scope covers the route (RFC 6750 §3.1). The fetch
 * handler turns the decision into HTTP; this only decides, recording each check.
 * @see RFC 9068 §4
 * @see RFC 9449 §7.1
 * @see RFC 6750 §3.1
 */
export async function decideResourceAccess(
  parsed: ResourceRequest,
  ctx: ResourceAccessContext,
): Promise<ResourceDecision> {
  const { record, nowSeconds } = ctx
  const verified = await verifyAccessToken(parsed.token, {
    issuer: ctx.issuer,
    audience: ctx.audience,
    jwks: ctx.idpJwks,
    nowSeconds,
    log: record.log,
  })
  if (!verified.ok) return { accepted: false, error: verified.error, claims: null }
  const claims = verified.value.payload

  const binding = await checkTokenBinding({
    request: parsed.request,
    scheme: parsed.scheme,
    token: parsed.token,
    claims,
    nowSeconds,
    replay: ctx.replay,
    log: record.log,
    ...(ctx.dpopNonce ? { dpopNonce: ctx.dpopNonce } : {}),
  })
  if (!binding.ok) return { accepted: false, error: binding.error, claims }

  const { route } = parsed
  const granted = parseScope(claims.scope)
  if (!granted.includes(route.scope)) {
    const error = oauthError('token.insufficient_scope', `Access token "scope" lacks "${route.scope}"`, {
      explanation: `"${route.describe}" needs the "${route.scope}" scope; the token carries ${granted.length > 0 ? `"${granted.join(' ')}"` : 'no scope'}.`,
    })
    return { accepted: false, error: record.refuse(C.scope, error), claims }
  }
  record.pass(C.scope, route.scope)
  return { accepted: true, claims }
}
