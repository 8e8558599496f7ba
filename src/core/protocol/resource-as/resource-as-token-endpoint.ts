// The resource authorization server's token endpoint as a fetch handler over `decideJwtBearerGrant`.
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import { dpopHeaderValues } from '../dpop/proof-header.ts'
import { verifyDpopProof } from '../dpop/verify-proof.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { readTokenForm, tokenJson, xaaErrorResponse } from '../id-jag/token-form.ts'
import type { XaaError } from '../id-jag/xaa-error.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { decideJwtBearerGrant, type JwtBearerContext } from './decide-jwt-bearer-grant.ts'

export interface ResourceAsTokenEndpointOptions extends Omit<JwtBearerContext, 'nowSeconds' | 'jkt'> {
  signingKey: SigningKey
  clock: Clock
  log?: CheckLog
  /** Called with every decision: null when a token was issued, else the refusal (as the IdP's endpoint does). */
  onDecision?: (error: XaaError | null) => void
}

/**
 * Answers a JWT bearer grant with an RFC 9068 access token for the ID-JAG's resource: `sub` the user,
 * `client_id` the agent's id here, `act.sub` its SPIFFE ID, DPoP-bound (`cnf.jkt`, `token_type` DPoP)
 * when the request carries a valid proof.
 * @see RFC 7523 §2.1, RFC 6749 §5.1, RFC 9068 §2.2, RFC 9449 §5, §6.1
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4.2
 */
export function createResourceAsTokenEndpoint(options: ResourceAsTokenEndpointOptions): FetchHandler {
  return async (request) => {
    const nowSeconds = epochSeconds(options.clock)
    const refused = (error: XaaError) => {
      options.onDecision?.(error)
      return xaaErrorResponse(error)
    }
    const params = await readTokenForm(request)
    if (!params.ok) return refused(params.error)

    let jkt: string | null = null
    const proofs = dpopHeaderValues(request)
    if (proofs.length > 0) {
      const proof = await verifyDpopProof({
        proofs,
        htm: request.method,
        htu: request.url,
        nowSeconds,
        replay: options.replay,
        status: 400,
        log: options.log ?? NO_CHECK_LOG,
      })
      if (!proof.ok) return refused({ ...proof.error, param: 'DPoP' })
      jkt = proof.value.jkt
    }

    const decision = await decideJwtBearerGrant(params.value, { ...options, nowSeconds, jkt })
    if (!decision.ok) return refused(decision.error)
    const { client, grant, resource, scope } = decision.value
    const ttl = Math.min(options.policy.accessTokenTtl, Number(grant.exp) - nowSeconds)
    const accessToken = await mintDelegatedToken(options.signingKey, {
      issuer: options.issuer,
      sub: String(grant.sub),
      clientId: client.clientId,
      aud: [resource],
      scope,
      iat: nowSeconds,
      // The access token is worth as much as the grant: no longer than policy, at least a minute.
      ttl: Math.max(ttl, 60),
      act: { sub: client.spiffeId },
      jkt,
      amr: grant.amr,
    })
    options.onDecision?.(null)
    return tokenJson({
      access_token: accessToken,
      token_type: jkt ? 'DPoP' : 'Bearer',
      expires_in: Math.max(ttl, 60),
      scope: scope.join(' '),
    })
  }
}
