// The API gateway's check at the edge: the agent's access token, and the DPoP proof that it holds the token's key.
import type { JWK, JWTPayload } from 'jose'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import { checkTokenBinding } from '../resource-server/check-token-binding.ts'
import { parseAuthorization } from '../resource-server/parse-authorization.ts'
import { RS_CHECKS as C } from '../resource-server/resource-checks.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import type { CheckLog } from '../trace/check-log.ts'

export interface EdgeRequestRules {
  /** The authorization server that issues the agent's access tokens, and its keys. */
  issuer: string
  jwks: { keys: JWK[] }
  /** The API the gateway fronts: the access token's `aud` must include it. */
  audience: string
  nowSeconds: number
  /** The gateway's memory of proof `jti`s, so a copied proof is refused (RFC 9449 §11.1). */
  replay: ReplayCache
  log: CheckLog
}

export interface EdgeCredentials {
  accessToken: string
  claims: JWTPayload
  /** The thumbprint the token is bound to, or null for a Bearer token. */
  jkt: string | null
}

/**
 * Verifies an edge request the way a resource server does, before the gateway trades the access token
 * for a Txn-Token: one access token in `Authorization`, valid per RFC 9068 §4, and, when it is
 * DPoP-bound, under the DPoP scheme with a proof for this request from the bound key. The TTS verifies
 * the token again (§11.3), but only the gateway sees the proof: the proof is for the gateway's URL.
 * @see RFC 9449 §7.1
 * @see draft-ietf-oauth-transaction-tokens-08 §11.1
 */
export async function verifyEdgeRequest(
  request: Request,
  rules: EdgeRequestRules,
): Promise<Result<EdgeCredentials>> {
  const { log } = rules
  const credentials = parseAuthorization(request)
  if (!credentials.ok) {
    log.record({ ...C.authorization, ok: false, detail: credentials.error.explanation })
    return credentials
  }
  if (credentials.value === null) {
    const error = oauthError('request.no_credentials', 'No access token in the request', {
      explanation: 'The agent sent no "Authorization: DPoP" or "Authorization: Bearer" header.',
    })
    log.record({ ...C.authorization, ok: false, detail: error.explanation })
    return fail(error)
  }
  const { scheme, token } = credentials.value
  log.record({ ...C.authorization, ok: true, detail: `${scheme} scheme` })
  const verified = await verifyAccessToken(token, { ...rules, log })
  if (!verified.ok) return verified
  const claims = verified.value.payload
  const jkt = await checkTokenBinding({
    request,
    scheme,
    token,
    claims,
    nowSeconds: rules.nowSeconds,
    replay: rules.replay,
    log,
  })
  if (!jkt.ok) return jkt
  return ok({ accessToken: token, claims, jkt: jkt.value })
}
