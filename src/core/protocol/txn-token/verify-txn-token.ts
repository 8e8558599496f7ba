// Verifies a Txn-Token where it is used: signature, trust domain, expiry, and the claims it must carry.
import { isObject } from '../json/is-object.ts'
import type { JWK } from 'jose'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { refusal, type SpecRef } from '../errors/reasoned-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { JwtRule } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { beforeExpiry } from '../tokens/verify-jwt-defences-off.ts'
import { verifyJwt, type JwtRules } from '../tokens/verify-jwt.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff } from '../trace/defence-switch.ts'
import { TXN_CHECKS as C } from './txn-checks.ts'
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
  /**
   * Where each check goes, passed or failed. Its defences off (the playground only) may skip the trust
   * domain (`txn.wrong_domain`) and expiry (`txn.expired`) checks, one at a time.
   */
  log?: CheckLog
}

type Check = (typeof C)[keyof typeof C]

const RULES: Partial<Record<JwtRule, { reason: Reason; check: Check }>> = {
  aud: { reason: 'txn.wrong_domain', check: C.domain },
  exp: { reason: 'txn.expired', check: C.expiry },
  nbf: { reason: 'txn.expired', check: C.expiry },
  signature: { reason: 'txn.signature_invalid', check: C.signature },
}

/** True for a JWS typed as an OAuth access token (RFC 9068 §2.1): what §13.4 keeps out of the call chain. */
export function isAccessToken(token: string): boolean {
  const read = readCompactJws(token, 'token')
  return read.ok && read.value.header.typ === JWT_TYP.accessToken
}

/**
 * Validates a Txn-Token as §12.2 requires (signature, `aud` = this trust domain, not expired) and that it
 * is one: `typ` `txntoken+jwt`, with `txn`, `sub`, `scope` and `req_wl`. An access token is told apart by
 * its `at+jwt` type and refused as forwarded, since §13.4 keeps access tokens out of the call chain.
 * @see draft-ietf-oauth-transaction-tokens-08 §9.1, §9.2, §12.2, §13.4
 */
export async function verifyTxnToken(token: string, rules: TxnTokenRules): Promise<Result<TxnTokenClaims>> {
  const name = rules.name ?? 'Txn-Token'
  const log = rules.log ?? NO_CHECK_LOG
  const bad = (
    check: Check,
    reason: Reason,
    description: string,
    spec: SpecRef = { doc: DRAFT, section: '12.2' },
  ) => {
    log.record({ ...check, ok: false, detail: description })
    return fail<never>(
      refusal({
        code: rules.code ?? 'invalid_token',
        status: rules.code === 'invalid_grant' ? 400 : 401,
        reason,
        spec,
        description,
      }),
    )
  }
  if (isAccessToken(token))
    return bad(
      C.header,
      'txn.access_token_forwarded',
      `${name} is an OAuth access token (typ at+jwt), not a Txn-Token`,
      { doc: DRAFT, section: '13.4' },
    )
  const jwt: JwtRules = {
    name,
    typ: TXN_TOKEN_TYP,
    issuer: rules.issuer,
    audience: rules.trustDomain,
    jwks: rules.jwks,
    nowSeconds: rules.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat', 'txn', 'scope', 'req_wl'],
  }
  const skipped = new Set<Check>()
  let verified = await verifyJwt(token, jwt)
  // A workload with a defence off (the playground's switch) skips that one rule and checks the rest.
  while (!verified.ok) {
    const { rule, description } = verified.failure
    const skippable = RULES[rule]
    if (!skippable || skipped.has(skippable.check) || rule === 'signature') break
    if (!skipIfDefenceOff(log, skippable.reason, skippable.check, description)) break
    skipped.add(skippable.check)
    if (rule === 'aud') delete jwt.audience
    else {
      const read = readCompactJws(token, name)
      if (read.ok) jwt.nowSeconds = beforeExpiry(read.value.payload, rules.nowSeconds)
    }
    verified = await verifyJwt(token, jwt)
  }
  if (!verified.ok) {
    const mapped = RULES[verified.failure.rule]
    return mapped
      ? bad(mapped.check, mapped.reason, verified.failure.description)
      : bad(C.claims, 'txn.token_invalid', verified.failure.description, { doc: DRAFT, section: '9' })
  }
  const { payload } = verified
  if (
    typeof payload.txn !== 'string' ||
    typeof payload.req_wl !== 'string' ||
    typeof payload.aud !== 'string'
  )
    return bad(C.claims, 'txn.token_invalid', `${name} "txn", "aud" and "req_wl" must be strings`, {
      doc: DRAFT,
      section: '9.2',
    })
  log.record({ ...C.signature, ok: true, detail: String(verified.header.kid) })
  for (const [check, detail] of [
    [C.domain, payload.aud],
    [C.expiry, `exp ${String(payload.exp)}`],
  ] as const)
    if (!skipped.has(check)) log.record({ ...check, ok: true, detail })
  log.record({ ...C.claims, ok: true, detail: `txn ${payload.txn}` })
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
