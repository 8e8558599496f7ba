// The Transaction Token Service's decision: a Txn-Token from an edge access token, or a narrowing replacement.
import type { JWK } from 'jose'
import { refusal, specText, type SpecRef } from '../errors/reasoned-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { OAuthErrorCode } from '../errors/oauth-error.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import { TOKEN_TYPE } from '../tokens/token-types.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff, withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import {
  mintTxnToken,
  TXN_AGENTS_DRAFT,
  TXN_TOKEN_DRAFT as DRAFT,
  TXN_TOKEN_TYPE,
  type TxnTokenClaims,
} from './txn-token-format.ts'
import { verifyTxnToken } from './verify-txn-token.ts'
import { formatScope, parseScope } from '../tokens/scope.ts'

export interface TxnTokenRequest {
  /** The workload asking (the API gateway at the edge, or an internal service for a replacement). */
  workload: string | null
  requestedTokenType: string | null
  audience: string | null
  scope: string[]
  subjectToken: string
  subjectTokenType: string | null
  /** `request_context` and `request_details`, parsed; null when not sent. */
  requestContext: Record<string, unknown> | null
  requestDetails: Record<string, unknown> | null
}

export interface TtsContext {
  issuer: string
  trustDomain: string
  signingKey: SigningKey
  /** The TTS's own public keys, to read a Txn-Token sent for replacement. */
  jwks: { keys: JWK[] }
  /** The authorization server whose access tokens arrive at the edge, its keys, and the API audience. */
  accessTokenIssuer: string
  accessTokenJwks: { keys: JWK[] }
  accessTokenAudience: string
  /** Workloads allowed to ask for Txn-Tokens (§11.3: the TTS decides who may). */
  workloads: string[]
  /** Txn-Token lifetime in seconds: short (§6). */
  ttl: number
  nowSeconds: number
  /**
   * The playground's "Defence on" switches turned off: `txn.scope_widened` and `txn.tctx_tampered` make a
   * TTS that widens or rewrites as asked. The sandbox never sets it.
   */
  defencesOff?: DefencesOff
}

export interface IssuedTxnToken {
  token: string
  claims: TxnTokenClaims
  replacement: boolean
}

const spec = (section: string): SpecRef => ({ doc: DRAFT, section })
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Decides a Txn-Token request. At the edge the subject token is the agent's access token: it is verified
 * as RFC 9068 requires, its scope bounds the Txn-Token's, and its `sub` and `act` carry over. For a
 * replacement the subject token is a Txn-Token of this domain: it must be unexpired, and the new token
 * keeps `txn`, `sub`, `aud` and `act`, narrows scope, may add to `tctx` but never change it, and
 * appends the requester to `req_wl`.
 * @see draft-ietf-oauth-transaction-tokens-08 §11.1, §11.3, §11.4, §13.14, §13.15
 * @see draft-araut-oauth-transaction-tokens-for-agents-02 (the agent in `act`)
 */
export async function issueTxnToken(
  request: TxnTokenRequest,
  ctx: TtsContext,
): Promise<Decision<IssuedTxnToken>> {
  const r = decisionRecorder()
  // Skipped checks land among the decision's own, in order.
  const log: CheckLog = withDefencesOff({ record: (check) => r.checks.push(check) }, ctx.defencesOff)
  const skip = (label: string, reason: Reason, section: string, description: string) =>
    skipIfDefenceOff(log, reason, { label, spec: specText(spec(section)) }, description)
  const no = (
    label: string,
    code: OAuthErrorCode,
    reason: Reason,
    section: string,
    description: string,
    param?: string,
  ) =>
    r.refuse<IssuedTxnToken>(
      label,
      refusal({
        code,
        status: code === 'invalid_client' ? 401 : 400,
        reason,
        spec: spec(section),
        description,
        ...(param ? { param } : {}),
      }),
    )

  if (request.workload === null || !ctx.workloads.includes(request.workload))
    return no(
      'the requesting workload is known',
      'invalid_client',
      'txn.unknown_workload',
      '11.3',
      `"client_id" ${request.workload ?? '(none)'} may not request Txn-Tokens`,
      'client_id',
    )
  r.pass('the requesting workload is known', spec('11.3'), request.workload)
  if (request.requestedTokenType !== TXN_TOKEN_TYPE)
    return no(
      'a Txn-Token is requested',
      'invalid_request',
      'txn.request_invalid',
      '11.1',
      `"requested_token_type" must be ${TXN_TOKEN_TYPE}`,
      'requested_token_type',
    )
  if (request.audience !== ctx.trustDomain)
    return no(
      'audience is this trust domain',
      'invalid_target',
      'txn.wrong_domain',
      '11.1',
      `"audience" must be the trust domain ${ctx.trustDomain}`,
      'audience',
    )
  r.pass('audience is this trust domain', spec('11.1'), ctx.trustDomain)
  if (request.scope.length === 0)
    return no(
      'scope states the purpose',
      'invalid_request',
      'txn.scope_missing',
      '11.1',
      '"scope" is required: it states the purpose of the transaction',
      'scope',
    )

  const replacement = request.subjectTokenType === TXN_TOKEN_TYPE
  let base: Omit<TxnTokenClaims, 'iat' | 'exp' | 'iss' | 'aud'> & { exp: number }
  if (replacement) {
    const prior = await verifyTxnToken(request.subjectToken, {
      issuer: ctx.issuer,
      trustDomain: ctx.trustDomain,
      jwks: ctx.jwks,
      nowSeconds: ctx.nowSeconds,
      name: 'subject_token',
      code: 'invalid_grant',
    })
    if (!prior.ok)
      return r.refuse('the Txn-Token to replace is valid and unexpired', {
        ...prior.error,
        param: 'subject_token',
      })
    r.pass('the Txn-Token to replace is valid and unexpired', spec('13.15'), prior.value.txn)
    const changed = Object.keys(request.requestDetails ?? {}).filter(
      (key) => key in prior.value.tctx && !sameJson(prior.value.tctx[key], request.requestDetails![key]),
    )
    const tampered = `"request_details" would change tctx ${changed.join(', ')}, which is immutable`
    const tctxCheck = 'tctx keeps every asserted value'
    if (changed.length === 0) r.pass(tctxCheck, spec('9.2.3'))
    // A TTS with this defence off lets the requester's details overwrite what the gateway asserted.
    else if (!skip(tctxCheck, 'txn.tctx_tampered', '9.2.3', tampered))
      return no(tctxCheck, 'invalid_request', 'txn.tctx_tampered', '9.2.3', tampered, 'request_details')
    base = {
      ...prior.value,
      tctx: { ...prior.value.tctx, ...request.requestDetails },
      req_wl: `${prior.value.req_wl},${request.workload}`,
    }
  } else {
    if (request.subjectTokenType !== TOKEN_TYPE.accessToken)
      return no(
        'subject_token is an access token or a Txn-Token',
        'invalid_request',
        'txn.request_invalid',
        '11.2',
        `"subject_token_type" must be ${TOKEN_TYPE.accessToken} or ${TXN_TOKEN_TYPE}`,
        'subject_token_type',
      )
    const edge = await verifyAccessToken(request.subjectToken, {
      issuer: ctx.accessTokenIssuer,
      audience: ctx.accessTokenAudience,
      jwks: ctx.accessTokenJwks,
      nowSeconds: ctx.nowSeconds,
      log: NO_CHECK_LOG,
    })
    if (!edge.ok)
      return no(
        'subject_token is a valid access token for this domain’s API',
        'invalid_grant',
        'txn.subject_token_invalid',
        '11.3',
        edge.error.description,
        'subject_token',
      )
    const claims = edge.value.payload
    r.pass('subject_token is a valid access token for this domain’s API', spec('11.3'), String(claims.sub))
    if (typeof claims.scope !== 'string')
      return no(
        'the access token’s scope is known',
        'invalid_request',
        'txn.unknown_subject_scope',
        '13.14',
        'the subject_token carries no scope, so the Txn-Token scope cannot be bounded',
        'subject_token',
      )
    const act =
      typeof claims.act === 'object' && claims.act !== null
        ? (claims.act as Record<string, unknown>)
        : undefined
    base = {
      txn: crypto.randomUUID(),
      sub: String(claims.sub),
      scope: claims.scope,
      tctx: request.requestDetails ?? {},
      rctx: request.requestContext ?? {},
      req_wl: request.workload,
      exp: Number(claims.exp),
      ...(act ? { act } : {}),
    }
    r.pass(
      'the agent stays in act',
      { doc: TXN_AGENTS_DRAFT, section: '3' },
      act ? String(act.sub) : 'no agent',
    )
  }

  const held = parseScope(base.scope)
  const widened = request.scope.filter((s) => !held.includes(s))
  const scopeCheck = 'scope within what the subject token holds'
  const scopeSection = replacement ? '13.15' : '13.6'
  const wider = `"scope" ${widened.join(' ')} is wider than the subject token's`
  if (widened.length === 0) r.pass(scopeCheck, spec(scopeSection), request.scope.join(' '))
  // A TTS with this defence off issues the scope asked for, as if a replacement could add to it.
  else if (!skip(scopeCheck, 'txn.scope_widened', scopeSection, wider))
    return no(scopeCheck, 'invalid_scope', 'txn.scope_widened', scopeSection, wider, 'scope')

  const claims: TxnTokenClaims = {
    ...base,
    iss: ctx.issuer,
    aud: ctx.trustDomain,
    iat: ctx.nowSeconds,
    // Never outlives its input: a replacement may not stretch the transaction (a choice §13.15 allows).
    exp: Math.min(ctx.nowSeconds + ctx.ttl, base.exp),
    scope: formatScope(request.scope),
  }
  return r.accept({ token: await mintTxnToken(ctx.signingKey, claims), claims, replacement })
}
