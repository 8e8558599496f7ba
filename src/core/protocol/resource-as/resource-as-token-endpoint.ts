// The resource authorization server's token endpoint as a fetch handler over `decideJwtBearerGrant`.
import type { AuditEvent } from '../audit/audit-event.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { tokenJson, xaaErrorResponse } from '../id-jag/token-form.ts'
import { xaaAuditEvent } from '../id-jag/xaa-audit-event.ts'
import type { XaaError } from '../id-jag/xaa-error.ts'
import { startXaaTokenRequest, type XaaEndpointOptions } from '../id-jag/xaa-token-request.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { formatScope } from '../tokens/scope.ts'
import { decideJwtBearerGrant, type JwtBearerContext } from './decide-jwt-bearer-grant.ts'

export interface ResourceAsTokenEndpointOptions
  extends Omit<JwtBearerContext, 'nowSeconds' | 'jkt' | 'log'>, XaaEndpointOptions {
  signingKey: SigningKey
  /**
   * Called with every decision: null when a token was issued, else the refusal (as the IdP's endpoint
   * does), with its audit event.
   */
  onDecision?: (error: XaaError | null, audit: AuditEvent) => void
}

/**
 * Answers a JWT bearer grant with an RFC 9068 access token for the ID-JAG's resource: `sub` the user,
 * `client_id` the agent's id here, `act.sub` its SPIFFE ID, DPoP-bound (`cnf.jkt`, `token_type` DPoP)
 * when the request carries a valid proof. Every decision is recorded as checks and as an audit event.
 * @see RFC 7523 §2.1, RFC 6749 §5.1, RFC 9068 §2.2, RFC 9449 §5, §6.1
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4.2
 */
export function createResourceAsTokenEndpoint(options: ResourceAsTokenEndpointOptions): FetchHandler {
  return async (request) => {
    const served = startXaaTokenRequest(options)
    const time = options.clock()
    let params: BodyParams | null = null
    const refused = (error: XaaError) => {
      served.explain(error)
      options.onDecision?.(
        error,
        xaaAuditEvent({ time, issued: null, error, params, userToken: 'assertion' }),
      )
      return xaaErrorResponse(error)
    }
    const read = await served.read(request)
    if (!read.ok) return refused(read.error)
    params = read.value.params
    const { nowSeconds, jkt } = read.value

    const decision = await decideJwtBearerGrant(params, { ...options, ...read.value, log: served.log })
    if (!decision.ok) return refused(decision.error)
    const { client, grant, resource, scope } = decision.value
    // The access token is worth as much as the grant: no longer than policy, at least a minute.
    const ttl = Math.max(Math.min(options.policy.accessTokenTtl, Number(grant.exp) - nowSeconds), 60)
    const accessToken = await mintDelegatedToken(options.signingKey, {
      issuer: options.issuer,
      sub: String(grant.sub),
      clientId: client.clientId,
      aud: [resource],
      scope,
      iat: nowSeconds,
      ttl,
      act: { sub: client.spiffeId },
      jkt,
      amr: grant.amr,
    })
    const issued = {
      sub: String(grant.sub),
      actingAs: client.spiffeId,
      aud: [resource],
      scope,
      ttl,
      jti: typeof grant.jti === 'string' ? grant.jti : null,
    }
    options.onDecision?.(null, xaaAuditEvent({ time, issued, error: null, params, userToken: 'assertion' }))
    return tokenJson({
      access_token: accessToken,
      token_type: jkt ? 'DPoP' : 'Bearer',
      expires_in: ttl,
      scope: formatScope(scope),
    })
  }
}
