// The IdP's token endpoint for ID-JAG requests, as a fetch handler over `decideIdJagExchange`.
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import { dpopHeaderValues } from '../dpop/proof-header.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { verifyDpopProof } from '../dpop/verify-proof.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { decideIdJagExchange, type IdJagExchangeContext } from './decide-id-jag-exchange.ts'
import { ID_JAG } from './id-jag-names.ts'
import { mintIdJag } from './mint-id-jag.ts'
import { readTokenForm, tokenJson, xaaErrorResponse } from './token-form.ts'
import type { XaaError } from './xaa-error.ts'
import { formatScope } from '../tokens/scope.ts'

export interface IdJagEndpointOptions extends Omit<IdJagExchangeContext, 'nowSeconds' | 'jkt'> {
  signingKey: SigningKey
  clock: Clock
  replay: ReplayCache
  log?: CheckLog
  /** Called with every decision: the ID-JAG's claims, or the refusal. */
  onDecision?: (decision: { error: XaaError | null; sub: string | null; clientId: string | null }) => void
}

/**
 * Answers a token exchange for an ID-JAG: `issued_token_type` `…:id-jag`, `token_type` `N_A` (it is not
 * an access token), `expires_in` and `scope`. A DPoP proof, when sent, is verified and binds the grant.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3.4, §8.4.1
 * @see RFC 8693 §2.2.1
 */
export function createIdJagEndpoint(options: IdJagEndpointOptions): FetchHandler {
  return async (request) => {
    const nowSeconds = epochSeconds(options.clock)
    const refused = (error: XaaError, extra: Record<string, unknown> = {}) => {
      options.onDecision?.({ error, sub: null, clientId: null })
      return xaaErrorResponse(error, extra)
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

    const decision = await decideIdJagExchange(params.value, { ...options, nowSeconds, jkt })
    if (!decision.ok)
      return refused(
        decision.error,
        // RFC 9470 §3: tell the client how recent a sign-in would do.
        decision.error.reason === 'idp.id_token_too_old'
          ? { max_age: options.policy.maxIdTokenAgeSeconds }
          : {},
      )
    const { claims, client } = decision.value
    const grant = await mintIdJag(options.signingKey, claims)
    options.onDecision?.({ error: null, sub: claims.sub, clientId: client.clientId })
    return tokenJson({
      access_token: grant,
      issued_token_type: ID_JAG.tokenType,
      token_type: 'N_A',
      expires_in: claims.ttl,
      scope: formatScope(claims.scope),
    })
  }
}
