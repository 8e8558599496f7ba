// The IdP's token introspection endpoint as a fetch handler: is this token active, and what does it carry?
import { refusalResponse } from '../errors/refusal.ts'
import type { JWK, JWTPayload } from 'jose'
import { epochSeconds, type Clock } from '../clock.ts'
import { oauthErrorResponse } from '../errors/error-response.ts'
import { httpError, httpErrorResponse } from '../errors/http-error.ts'
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { readBodyParams } from '../http/read-body-params.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { authenticateBasic, readBasicCredentials, type ClientCredentials } from './client-secret-basic.ts'

/** An introspection request holds one token; 64 KiB is far more than any needs. */
export const MAX_INTROSPECTION_REQUEST_BYTES = 64 * 1024

/**
 * The claims an active token's introspection shows: RFC 7662 §2.2's, plus `act` and `may_act`
 * (RFC 8693 §4.1, §4.4) kept whole, and `cnf` (RFC 9449 §6.2).
 */
export const INTROSPECTION_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'client_id',
  'scope',
  'act',
  'may_act',
  'cnf',
] as const

export interface IntrospectionEndpointOptions {
  /** Only this issuer's tokens can be active. */
  issuer: string
  /** The IdP's own public keys: a token they don't verify was not issued here. */
  idpJwks: { keys: JWK[] }
  clock: Clock
  /** The protected resources allowed to ask, with their secrets (RFC 7662 §2.1). */
  callers: readonly ClientCredentials[]
}

const CHALLENGE = { 'www-authenticate': 'Basic realm="introspection", charset="UTF-8"' }

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

/** The token's claims if this IdP issued it, it is an access token and it has not expired; else null. */
async function verifyOwnToken(
  token: string,
  options: IntrospectionEndpointOptions,
): Promise<JWTPayload | null> {
  const verified = await verifyJwt(token, {
    name: 'token',
    typ: JWT_TYP.accessToken,
    issuer: options.issuer,
    jwks: options.idpJwks,
    nowSeconds: epochSeconds(options.clock),
    requiredClaims: ['exp'],
    // The IdP is the authority on its own tokens' lifetimes: no leeway for an expired one.
    leewaySeconds: 0,
  })
  // RFC 7662 §2.2: an inactive token's answer says nothing more, so the reason is not passed on.
  return verified.ok ? verified.payload : null
}

/**
 * The registered caller the request's HTTP Basic credentials authenticate, or the `invalid_client`
 * refusal saying whether they were missing, unreadable or wrong.
 * @see RFC 7662 §2.1, RFC 6749 §2.3.1
 */
export async function authenticateIntrospectionCaller(
  request: Request,
  callers: readonly ClientCredentials[],
): Promise<Result<ClientCredentials>> {
  const credentials = readBasicCredentials(request)
  const caller = await authenticateBasic(credentials, callers)
  if (caller) return ok(caller)
  if (credentials.kind === 'none')
    return fail(
      oauthError(
        'client.authentication_missing',
        'Introspection requires client authentication with HTTP Basic',
      ),
    )
  if (credentials.kind === 'malformed')
    return fail(oauthError('client.authentication_malformed', 'The HTTP Basic credentials could not be read'))
  return fail(oauthError('client.authentication_failed', 'Client authentication failed'))
}

/**
 * Creates the introspection endpoint. Callers authenticate with HTTP Basic; a token that is expired,
 * altered, unknown or not an access token of this issuer is `{"active": false}` and nothing more, so
 * the answer never says why. An active token shows its claims, `act` chain included.
 * @see RFC 7662 §2.1, §2.2, §2.3, §4
 * @see RFC 9449 §6.2 (token_type DPoP and cnf.jkt)
 */
export function createIntrospectionEndpoint(options: IntrospectionEndpointOptions): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST') {
      const error = httpError('http.method_not_allowed', `Method ${request.method} is not allowed; use POST`)
      return httpErrorResponse(error, { allow: 'POST' })
    }
    // Authenticate first (RFC 7662 §2.1): an unknown caller learns nothing about any token.
    const caller = await authenticateIntrospectionCaller(request, options.callers)
    if (!caller.ok) return oauthErrorResponse(caller.error, CHALLENGE)

    const params = await readBodyParams(request, { json: false, maxBytes: MAX_INTROSPECTION_REQUEST_BYTES })
    if (!params.ok) return refusalResponse(params.error)
    const token = params.value.token
    if (typeof token !== 'string')
      return oauthErrorResponse(
        oauthError('request.missing_param', '"token" is required', { param: 'token' }),
      )

    // `token_type_hint` may be ignored (§2.1): this IdP issues one kind of token.
    const claims = await verifyOwnToken(token, options)
    if (claims === null) return json({ active: false })
    const shown = Object.fromEntries(
      INTROSPECTION_CLAIMS.filter((name) => claims[name] !== undefined).map((name) => [name, claims[name]]),
    )
    const bound = typeof claims.cnf === 'object' && claims.cnf !== null && 'jkt' in claims.cnf
    return json({ active: true, ...shown, token_type: bound ? 'DPoP' : 'Bearer' })
  }
}
