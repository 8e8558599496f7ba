// Verifies a Txn-Token where it is used: signature, trust domain, expiry, and the claims it must carry.
import { isObject } from '../json/is-object.ts'
import type { JWK } from 'jose'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { refusal, type SpecRef } from '../errors/reasoned-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { JwtRule } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { TXN_TOKEN_DRAFT as DRAFT, TXN_TOKEN_TYP, type TxnTokenClaims } from './txn-token-format.ts'

export interface TxnTokenRules {
  /** The Transaction Token Service that signs Txn-Tokens in this domain. */
  issuer: string
  /** This workload's trust domain: `aud` must be exactly it. */
  trustDomain: string
  jwks: { keys: JWK[] }
  nowSeconds: number
  /** What the token is called in error text: `Txn-Token`, `subject_token`. */
  name?: string
  /** The error code for a bad token: `invalid_token` where it is used, `invalid_grant` at the TTS. */
  code?: 'invalid_token' | 'invalid_grant'
}

const REASON_BY_RULE: Partial<Record<JwtRule, { reason: Reason; spec: SpecRef }>> = {
  aud: { reason: 'txn.wrong_domain', spec: { doc: DRAFT, section: '12.2' } },
  exp: { reason: 'txn.expired', spec: { doc: DRAFT, section: '12.2' } },
  nbf: { reason: 'txn.expired', spec: { doc: DRAFT, section: '12.2' } },
  signature: { reason: 'txn.signature_invalid', spec: { doc: DRAFT, section: '12.2' } },
}

/**
 * Validates a Txn-Token as §12.2 requires (signature, `aud` = this trust domain, not expired) and that it
 * is one: `typ` `txntoken+jwt`, with `txn`, `sub`, `scope` and `req_wl`. An access token is told apart by
 * its `at+jwt` type and refused as forwarded, since §13.4 keeps access tokens out of the call chain.
 * @see draft-ietf-oauth-transaction-tokens-08 §9.1, §9.2, §12.2, §13.4
 */
export async function verifyTxnToken(token: string, rules: TxnTokenRules): Promise<Result<TxnTokenClaims>> {
  const name = rules.name ?? 'Txn-Token'
  const bad = (reason: Reason, spec: SpecRef, description: string) =>
    fail<never>(
      refusal({
        code: rules.code ?? 'invalid_token',
        status: rules.code === 'invalid_grant' ? 400 : 401,
        reason,
        spec,
        description,
      }),
    )
  const read = readCompactJws(token, name)
  if (read.ok && read.value.header.typ === JWT_TYP.accessToken)
    return bad(
      'txn.access_token_forwarded',
      { doc: DRAFT, section: '13.4' },
      `${name} is an OAuth access token (typ at+jwt), not a Txn-Token`,
    )
  const verified = await verifyJwt(token, {
    name,
    typ: TXN_TOKEN_TYP,
    issuer: rules.issuer,
    audience: rules.trustDomain,
    jwks: rules.jwks,
    nowSeconds: rules.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat', 'txn', 'scope', 'req_wl'],
  })
  if (!verified.ok) {
    const mapped = REASON_BY_RULE[verified.failure.rule]
    return bad(
      mapped?.reason ?? 'txn.token_invalid',
      mapped?.spec ?? { doc: DRAFT, section: '9' },
      verified.failure.description,
    )
  }
  const { payload } = verified
  if (
    typeof payload.txn !== 'string' ||
    typeof payload.req_wl !== 'string' ||
    typeof payload.aud !== 'string'
  )
    return bad(
      'txn.token_invalid',
      { doc: DRAFT, section: '9.2' },
      `${name} "txn", "aud" and "req_wl" must be strings`,
    )
  return ok({
    iss: String(payload.iss),
    aud: payload.aud,
    iat: Number(payload.iat),
    exp: Number(payload.exp),
    txn: payload.txn,
    sub: String(payload.sub),
    scope: String(payload.scope),
    tctx: isObject(payload.tctx) ? payload.tctx : {},
    rctx: isObject(payload.rctx) ? payload.rctx : {},
    req_wl: payload.req_wl,
    ...(isObject(payload.act) ? { act: payload.act } : {}),
  })
}
