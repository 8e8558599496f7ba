// Both authorization servers of the chaining flow as fetch handlers: A issues grants, B redeems them.
import { refusalResponse } from '../errors/refusal.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { oauthErrorResponse } from '../errors/error-response.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { readBodyParams, type BodyParams } from '../http/read-body-params.ts'
import { metadataUrl } from '../idp/authorization-server-metadata.ts'
import { JWT_BEARER_GRANT, parseJwtBearerRequest } from '../jwt-bearer/jwt-bearer-request.ts'
import { TOKEN_TYPE } from '../tokens/token-types.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import { JWT_TOKEN_TYPE } from './chaining-spec.ts'
import { issueChainingGrant, type ChainingGrantContext } from './issue-chaining-grant.ts'
import { redeemChainingGrant, type RedeemContext } from './redeem-chaining-grant.ts'
import { formatScope, parseScopeParam } from '../tokens/scope.ts'

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const MAX_BODY_BYTES = 64 * 1024

/** What every decision reports to its owner: the decision itself, checks included. */
export type DecisionSink = (decision: Decision<unknown>) => void

const tokenResponse = (body: unknown) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

const text = (params: BodyParams, name: string): string | null =>
  typeof params[name] === 'string' && params[name] !== '' ? params[name] : null

async function readPost(request: Request): Promise<BodyParams | Response> {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } })
  const params = await readBodyParams(request, { json: false, maxBytes: MAX_BODY_BYTES })
  return params.ok ? params.value : refusalResponse(params.error)
}

/**
 * Domain A's chaining endpoint: an RFC 8693 exchange whose answer is a JWT authorization grant for
 * domain B (`issued_token_type` jwt, `token_type` N_A).
 * @see draft-ietf-oauth-identity-chaining-16 §2.3
 */
export function createChainingGrantEndpoint(
  ctx: Omit<ChainingGrantContext, 'nowSeconds'> & { clock: Clock; onDecision?: DecisionSink },
): FetchHandler {
  return async (request) => {
    const params = await readPost(request)
    if (params instanceof Response) return params
    const wrongType =
      params.grant_type !== TOKEN_EXCHANGE
        ? { param: 'grant_type', description: `"grant_type" must be ${TOKEN_EXCHANGE}` }
        : text(params, 'subject_token_type') !== TOKEN_TYPE.accessToken
          ? {
              param: 'subject_token_type',
              description: `"subject_token_type" must be ${TOKEN_TYPE.accessToken}`,
            }
          : (text(params, 'requested_token_type') ?? JWT_TOKEN_TYPE) !== JWT_TOKEN_TYPE
            ? {
                param: 'requested_token_type',
                description: `"requested_token_type" must be ${JWT_TOKEN_TYPE}`,
              }
            : null
    if (wrongType) {
      const error = refusal({
        code: wrongType.param === 'grant_type' ? 'unsupported_grant_type' : 'invalid_request',
        status: 400,
        reason: 'chain.request_invalid',
        spec: { doc: 'RFC 8693', section: '2.1' },
        ...wrongType,
      })
      // Reported like any decision, so a request-parsing refusal is a recorded failed check too.
      ctx.onDecision?.(decisionRecorder().refuse('request is a token exchange for a JWT grant', error))
      return oauthErrorResponse(error)
    }
    const scope = text(params, 'scope')
    const decision = await issueChainingGrant(
      {
        subjectToken: text(params, 'subject_token') ?? '',
        audience: text(params, 'audience'),
        resource: text(params, 'resource'),
        scope: parseScopeParam(scope),
        actorToken: text(params, 'actor_token'),
      },
      { ...ctx, nowSeconds: epochSeconds(ctx.clock) },
    )
    ctx.onDecision?.(decision)
    if (!decision.ok) return oauthErrorResponse(decision.error)
    return tokenResponse({
      access_token: decision.value.grant,
      issued_token_type: JWT_TOKEN_TYPE,
      token_type: 'N_A',
      expires_in: decision.value.expiresIn,
      scope: String(decision.value.claims.scope),
    })
  }
}

/**
 * Domain B's token endpoint: the RFC 7523 jwt-bearer grant only.
 * @see draft-ietf-oauth-identity-chaining-16 §2.4
 */
export function createChainedTokenEndpoint(
  ctx: Omit<RedeemContext, 'nowSeconds'> & { clock: Clock; onDecision?: DecisionSink },
): FetchHandler {
  return async (request) => {
    const params = await readPost(request)
    if (params instanceof Response) return params
    const parsed = parseJwtBearerRequest(params)
    if (!parsed.ok) return oauthErrorResponse(parsed.error)
    const decision = await redeemChainingGrant(parsed.value, { ...ctx, nowSeconds: epochSeconds(ctx.clock) })
    ctx.onDecision?.(decision)
    if (!decision.ok) return oauthErrorResponse(decision.error)
    return tokenResponse({
      access_token: decision.value.accessToken,
      token_type: 'Bearer',
      expires_in: decision.value.expiresIn,
      scope: formatScope(decision.value.scope),
    })
  }
}

/**
 * Domain B's RFC 8414 metadata: a jwt-bearer-only AS. Its URL is {@link metadataUrl} of the issuer
 * (the well-known segment goes between host and path, RFC 8414 §3.1).
 * @see RFC 8414 §2
 */
export function chainedAsMetadata(issuer: string, scopes: string[]): Record<string, unknown> {
  const base = issuer.replace(/\/$/, '')
  return {
    issuer,
    token_endpoint: `${base}/token`,
    jwks_uri: `${base}/jwks`,
    grant_types_supported: [JWT_BEARER_GRANT],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...scopes].sort(),
  }
}

export { metadataUrl }
