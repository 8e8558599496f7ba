// Test issuers: hand out a user's subject token and an agent's actor token, so a client can try the exchange.
import { refusalResponse } from '../../protocol/errors/refusal.ts'
import { epochSeconds, type Clock } from '../../protocol/clock.ts'
import { oauthErrorResponse } from '../../protocol/errors/error-response.ts'
import { httpError, httpErrorResponse } from '../../protocol/errors/http-error.ts'
import type { Result } from '../../protocol/errors/oauth-error.ts'
import type { FetchHandler } from '../../protocol/http/http-snapshot.ts'
import { readBodyParams, type BodyParams } from '../../protocol/http/read-body-params.ts'
import type { SigningKey } from '../../protocol/keys/key-ring.ts'
import { mintActorToken } from '../../protocol/tokens/mint-actor-token.ts'
import { mintSubjectToken } from '../../protocol/tokens/mint-subject-token.ts'
import { TOKEN_TYPE } from '../../protocol/tokens/token-types.ts'
import {
  parseDemoActorTokenRequest,
  parseDemoSubjectTokenRequest,
  type DemoActorTokenRequest,
  type DemoSubjectTokenRequest,
} from './demo-token-requests.ts'

/** Test requests are a few hundred bytes; nothing larger is read. */
export const MAX_DEMO_REQUEST_BYTES = 16 * 1024

/** A passkey sign-in, as in the seed scenario (RFC 8176 §2). */
const DEMO_AMR = ['hwk', 'user']

export interface DemoIssuerOptions {
  /** The IdP's issuer: `iss` of subject tokens and `aud` of actor tokens. */
  issuer: string
  idpKey: SigningKey
  /** The workload issuer standing in for SPIRE: `iss` of actor tokens. */
  workloadIssuer: string
  workloadKey: SigningKey
  clock: Clock
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

/** POST only; form or JSON body; parameters checked by `parse`; the minted token answered by `issue`. */
function testIssuer<T>(
  parse: (params: BodyParams, nowSeconds: number) => Result<T>,
  issue: (request: T, nowSeconds: number) => Promise<Record<string, unknown>>,
  clock: Clock,
): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST') {
      const error = httpError('http.method_not_allowed', `Method ${request.method} is not allowed; use POST`)
      return httpErrorResponse(error, { allow: 'POST' })
    }
    const params = await readBodyParams(request, { json: true, maxBytes: MAX_DEMO_REQUEST_BYTES })
    if (!params.ok) return refusalResponse(params.error)
    const nowSeconds = epochSeconds(clock)
    const parsed = parse(params.value, nowSeconds)
    if (!parsed.ok) return oauthErrorResponse(parsed.error)
    return json(await issue(parsed.value, nowSeconds))
  }
}

/**
 * TEST ONLY. Mints a user's subject token for any `sub` and `scope` (and optionally `may_act`, and an `act`
 * chain for a subject token that is itself delegated), signed with the IdP's own key: a real IdP issues
 * these only after the user signs in.
 * @see RFC 8693 §2.1 (subject_token), §4.1 (act), §4.4 (may_act)
 */
export function createDemoSubjectTokenIssuer(options: DemoIssuerOptions): FetchHandler {
  return testIssuer(
    parseDemoSubjectTokenRequest,
    async (request: DemoSubjectTokenRequest, nowSeconds) => ({
      subject_token: await mintSubjectToken(options.idpKey, {
        issuer: options.issuer,
        sub: request.sub,
        scope: request.scope,
        amr: DEMO_AMR,
        iat: request.iat,
        ttl: request.exp - request.iat,
        exp: request.exp,
        ...(request.nbf === undefined ? {} : { nbf: request.nbf }),
        ...(request.aud === undefined ? {} : { audience: request.aud }),
        mayAct: request.mayAct,
        priorActors: request.priorActors,
      }),
      subject_token_type: TOKEN_TYPE.accessToken,
      expires_in: Math.max(0, request.exp - nowSeconds),
    }),
    options.clock,
  )
}

/**
 * TEST ONLY. Mints an agent's actor token (a JWT-SVID) for any SPIFFE ID and attestation, signed with the
 * workload issuer's key and addressed to the IdP: a real workload issuer attests the workload first.
 * @see RFC 8693 §2.1 (actor_token), SPIFFE JWT-SVID §3
 */
export function createDemoActorTokenIssuer(options: DemoIssuerOptions): FetchHandler {
  return testIssuer(
    parseDemoActorTokenRequest,
    async (request: DemoActorTokenRequest, nowSeconds) => ({
      actor_token: await mintActorToken(options.workloadKey, {
        issuer: options.workloadIssuer,
        spiffeId: request.spiffeId,
        audience: request.aud ?? options.issuer,
        attestation: request.attestation,
        iat: request.iat,
        ttl: request.exp - request.iat,
        exp: request.exp,
        ...(request.nbf === undefined ? {} : { nbf: request.nbf }),
      }),
      actor_token_type: TOKEN_TYPE.jwt,
      expires_in: Math.max(0, request.exp - nowSeconds),
    }),
    options.clock,
  )
}
