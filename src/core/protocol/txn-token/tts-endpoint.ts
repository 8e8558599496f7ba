// The Transaction Token Service's token endpoint as a fetch handler.
import { refusalResponse } from '../errors/refusal.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { oauthErrorResponse } from '../errors/error-response.ts'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { readBodyParams, type BodyParams } from '../http/read-body-params.ts'
import type { Decision } from '../trace/decision.ts'
import { issueTxnToken, type TtsContext } from './issue-txn-token.ts'
import { TXN_TOKEN_DRAFT, TXN_TOKEN_TYPE } from './txn-token-format.ts'
import { parseScope } from '../tokens/scope.ts'

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const MAX_BODY_BYTES = 64 * 1024

const text = (params: BodyParams, name: string): string | null =>
  typeof params[name] === 'string' && params[name] !== '' ? params[name] : null

/** A JSON-object form parameter (`request_context`, `request_details`), or why it is not one. */
export function jsonObject(params: BodyParams, name: string): Result<Record<string, unknown> | null> {
  const value = text(params, name)
  if (value === null) return ok(null)
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return ok(parsed as Record<string, unknown>)
  } catch {
    // Falls through to the refusal below.
  }
  return fail(
    refusal({
      code: 'invalid_request',
      status: 400,
      reason: 'txn.context_invalid',
      spec: { doc: TXN_TOKEN_DRAFT, section: '11.1' },
      description: `"${name}" must be a JSON object`,
      param: name,
    }),
  )
}

/**
 * Creates the TTS token endpoint: an RFC 8693 exchange answering with a Txn-Token (`token_type` N_A,
 * no refresh token).
 * @see draft-ietf-oauth-transaction-tokens-08 §11.1, §11.4
 */
export function createTransactionTokenService(
  ctx: Omit<TtsContext, 'nowSeconds'> & { clock: Clock; onDecision?: (decision: Decision<unknown>) => void },
): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } })
    const read = await readBodyParams(request, { json: false, maxBytes: MAX_BODY_BYTES })
    if (!read.ok) return refusalResponse(read.error)
    const params = read.value
    if (params.grant_type !== TOKEN_EXCHANGE)
      return oauthErrorResponse(
        refusal({
          code: 'unsupported_grant_type',
          status: 400,
          reason: 'txn.request_invalid',
          spec: { doc: TXN_TOKEN_DRAFT, section: '11.1' },
          description: `"grant_type" must be ${TOKEN_EXCHANGE}`,
          param: 'grant_type',
        }),
      )
    const requestContext = jsonObject(params, 'request_context')
    if (!requestContext.ok) return oauthErrorResponse(requestContext.error)
    const requestDetails = jsonObject(params, 'request_details')
    if (!requestDetails.ok) return oauthErrorResponse(requestDetails.error)

    const decision = await issueTxnToken(
      {
        workload: text(params, 'client_id'),
        requestedTokenType: text(params, 'requested_token_type'),
        audience: text(params, 'audience'),
        scope: parseScope(text(params, 'scope')),
        subjectToken: text(params, 'subject_token') ?? '',
        subjectTokenType: text(params, 'subject_token_type'),
        requestContext: requestContext.value,
        requestDetails: requestDetails.value,
      },
      { ...ctx, nowSeconds: epochSeconds(ctx.clock) },
    )
    ctx.onDecision?.(decision)
    if (!decision.ok) return oauthErrorResponse(decision.error)
    const { claims, token } = decision.value
    return new Response(
      JSON.stringify({
        access_token: token,
        issued_token_type: TXN_TOKEN_TYPE,
        token_type: 'N_A',
        expires_in: claims.exp - claims.iat,
      }),
      { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
    )
  }
}
