// The IdP's token endpoint for ID-JAG requests, as a fetch handler over `decideIdJagExchange`.
import type { AuditEvent } from '../audit/audit-event.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { formatScope } from '../tokens/scope.ts'
import { decideIdJagExchange, type IdJagExchangeContext } from './decide-id-jag-exchange.ts'
import { ID_JAG } from './id-jag-names.ts'
import { mintIdJag } from './mint-id-jag.ts'
import { tokenJson, xaaErrorResponse } from './token-form.ts'
import { xaaAuditEvent } from './xaa-audit-event.ts'
import type { XaaError } from './xaa-error.ts'
import { startXaaTokenRequest, type XaaEndpointOptions } from './xaa-token-request.ts'

export interface IdJagEndpointOptions
  extends Omit<IdJagExchangeContext, 'nowSeconds' | 'jkt' | 'log'>, XaaEndpointOptions {
  signingKey: SigningKey
  /** Called with every decision: the ID-JAG's subject and client, or the refusal, and its audit event. */
  onDecision?: (decision: {
    error: XaaError | null
    sub: string | null
    clientId: string | null
    audit: AuditEvent
  }) => void
}

/**
 * Answers a token exchange for an ID-JAG: `issued_token_type` `…:id-jag`, `token_type` `N_A` (it is not
 * an access token), `expires_in` and `scope`. A DPoP proof, when sent, is verified and binds the grant.
 * Every decision is recorded as checks and as an audit event.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3.4, §8.4.1
 * @see RFC 8693 §2.2.1
 */
export function createIdJagEndpoint(options: IdJagEndpointOptions): FetchHandler {
  return async (request) => {
    const served = startXaaTokenRequest(options)
    const time = options.clock()
    let params: BodyParams | null = null
    const refused = (error: XaaError, extra: Record<string, unknown> = {}) => {
      served.explain(error)
      const audit = xaaAuditEvent({ time, issued: null, error, params, userToken: 'subject_token' })
      options.onDecision?.({ error, sub: null, clientId: null, audit })
      return xaaErrorResponse(error, extra)
    }
    const read = await served.read(request)
    if (!read.ok) return refused(read.error)
    params = read.value.params

    const decision = await decideIdJagExchange(params, { ...options, ...read.value, log: served.log })
    if (!decision.ok)
      return refused(
        decision.error,
        // RFC 9470 §3: tell the client how recent a sign-in would do.
        decision.error.reason === 'idp.id_token_too_old'
          ? { max_age: options.policy.maxIdTokenAgeSeconds }
          : {},
      )
    const { claims, client } = decision.value
    const jti = crypto.randomUUID()
    const grant = await mintIdJag(options.signingKey, { ...claims, jti })
    const audit = xaaAuditEvent({
      time,
      issued: {
        sub: claims.sub,
        actingAs: client.spiffeId,
        aud: [claims.aud],
        scope: claims.scope,
        ttl: claims.ttl,
        jti,
      },
      error: null,
      params,
      userToken: 'subject_token',
    })
    options.onDecision?.({ error: null, sub: claims.sub, clientId: client.clientId, audit })
    return tokenJson({
      access_token: grant,
      issued_token_type: ID_JAG.tokenType,
      token_type: 'N_A',
      expires_in: claims.ttl,
      scope: formatScope(claims.scope),
    })
  }
}
