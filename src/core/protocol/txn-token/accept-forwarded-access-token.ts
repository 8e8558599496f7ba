// What a vulnerable internal service does with a forwarded access token: treats it as if it were a Txn-Token.
import type { JWK } from 'jose'
import { isObject } from '../json/is-object.ts'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { TXN_CHECKS as C } from './txn-checks.ts'
import type { TxnTokenClaims } from './txn-token-format.ts'

/** The authorization server whose access tokens arrive at the edge, and the edge API's audience. */
export interface EdgeTokenIssuer {
  issuer: string
  audience: string
  jwks: { keys: JWK[] }
}

/**
 * Only when its `txn.access_token_forwarded` defence is off (the playground's switch): the service
 * verifies the access token as RFC 9068 §4 says, so exactly one defence is missing, and reads `sub`,
 * `act` and `scope` from it as it would from a Txn-Token. There is no `txn`, `tctx` or `req_wl`: what
 * §13.4 warns about, a token that says nothing of the transaction and is valid far beyond it.
 * @see draft-ietf-oauth-transaction-tokens-08 §13.4
 */
export async function acceptForwardedAccessToken(
  token: string,
  edge: EdgeTokenIssuer,
  nowSeconds: number,
  log: CheckLog,
): Promise<Result<TxnTokenClaims>> {
  const verified = await verifyAccessToken(token, { ...edge, nowSeconds, log })
  if (!verified.ok) {
    log.record({ ...C.accessToken, ok: false, detail: verified.error.description })
    return fail(verified.error)
  }
  const claims = verified.value.payload
  log.record({ ...C.accessToken, ok: true, detail: String(claims.jti) })
  return ok({
    iss: String(claims.iss),
    aud: edge.audience,
    iat: Number(claims.iat),
    exp: Number(claims.exp),
    txn: '',
    sub: String(claims.sub),
    scope: typeof claims.scope === 'string' ? claims.scope : '',
    tctx: {},
    rctx: {},
    req_wl: '',
    ...(isObject(claims.act) ? { act: claims.act } : {}),
  })
}
