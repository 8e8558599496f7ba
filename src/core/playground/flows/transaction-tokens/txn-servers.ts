// The TTS and the internal services for one run: the protocol layer's handlers, as the sandbox mounts them.
import { epochSeconds, type Clock } from '../../../protocol/clock.ts'
import { createReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import type { Result } from '../../../protocol/errors/oauth-error.ts'
import { withDefencesOff, type DefencesOff } from '../../../protocol/trace/defence-switch.ts'
import { createInternalService } from '../../../protocol/txn-token/internal-service.ts'
import { createTransactionTokenService } from '../../../protocol/txn-token/tts-endpoint.ts'
import { verifyEdgeRequest, type EdgeCredentials } from '../../../protocol/txn-token/verify-edge-request.ts'
import type { Run } from '../../run.ts'
import { IDP_ISSUER } from '../../scenario/seed-scenario.ts'
import type { DomainKeys } from '../domain-keys.ts'
import { createTap, tapped, type ServedBy, type Tap } from '../served-step.ts'
import { DOMAIN, WORKLOADS } from './txn-parties.ts'

/** What each internal service is for: the Txn-Token's scope must include it (§9.2.1). */
export const SERVICE_SCOPES = { serviceA: 'read:repo', serviceB: 'read:repo' } as const
/** How long a Txn-Token lives: short, it only has to outlast one call graph (§6). */
export const TXN_TTL = 60

export interface TxnServers {
  /** The API gateway's own check of the agent's request (RFC 9449 §7.1), recorded into `tap`. */
  gateway: { verify: (request: Request) => Promise<Result<EdgeCredentials>>; tap: Tap }
  tts: ServedBy
  serviceA: ServedBy
  serviceB: ServedBy
}

export function txnServers(input: {
  domain: DomainKeys
  jwks: Run['jwks']
  clock: Clock
  /** The audience the edge access token must carry: the API the agent's token was issued for. */
  edgeAudience: string
  /** Service B's trust domain and clock: another domain's, or later, for two of the attacks. */
  serviceB: { trustDomain: string; clock: Clock }
  /** The page's "Defence on" switches turned off, from the scenario; every server here gets the same set. */
  defencesOff: DefencesOff
}): TxnServers {
  const { domain, jwks, clock, defencesOff } = input
  const edgeTokens = { issuer: IDP_ISSUER, audience: input.edgeAudience, jwks: jwks.idp }
  const gateway = createTap('resource-server')
  const replay = createReplayCache()
  const tts = createTap('idp')
  const a = createTap('resource-server')
  const b = createTap('resource-server')
  const service = (name: string, scope: string, trustDomain: string, serviceClock: Clock, tap: typeof a) =>
    tapped(
      createInternalService({
        name,
        issuer: DOMAIN.tts,
        jwks: domain.jwks.tts,
        trustDomain,
        scope,
        clock: serviceClock,
        audit: tap.audit,
        log: tap.log,
        defencesOff,
        edgeTokens,
      }),
      tap,
    )
  return {
    gateway: {
      tap: gateway,
      verify: (request) =>
        verifyEdgeRequest(request, {
          ...edgeTokens,
          nowSeconds: epochSeconds(clock),
          replay,
          log: withDefencesOff(gateway.log, defencesOff),
        }),
    },
    tts: tapped(
      createTransactionTokenService({
        issuer: DOMAIN.tts,
        trustDomain: DOMAIN.trustDomain,
        signingKey: domain.tts,
        jwks: domain.jwks.tts,
        accessTokenIssuer: IDP_ISSUER,
        accessTokenJwks: jwks.idp,
        accessTokenAudience: input.edgeAudience,
        workloads: [WORKLOADS.gateway, WORKLOADS.serviceA],
        ttl: TXN_TTL,
        clock,
        onDecision: tts.onDecision,
        defencesOff,
      }),
      tts,
    ),
    serviceA: service(WORKLOADS.serviceA, SERVICE_SCOPES.serviceA, DOMAIN.trustDomain, clock, a),
    serviceB: service(
      WORKLOADS.serviceB,
      SERVICE_SCOPES.serviceB,
      input.serviceB.trustDomain,
      input.serviceB.clock,
      b,
    ),
  }
}
