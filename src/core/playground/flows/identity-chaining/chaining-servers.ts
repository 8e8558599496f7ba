// Domain A's grant endpoint, domain B's AS and B's API for one run: the protocol layer's handlers, as the sandbox mounts them.
import { createReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import { createChainedResourceServer } from '../../../protocol/identity-chaining/chained-resource-server.ts'
import {
  createChainedTokenEndpoint,
  createChainingGrantEndpoint,
} from '../../../protocol/identity-chaining/chaining-endpoints.ts'
import type { Clock } from '../../../protocol/clock.ts'
import type { KeyRing } from '../../../protocol/keys/key-ring.ts'
import type { DefencesOff } from '../../../protocol/trace/defence-switch.ts'
import { WORKLOAD_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Run } from '../../run.ts'
import type { DomainKeys } from '../domain-keys.ts'
import { createTap, tapped, type ServedBy } from '../served-step.ts'
import { CHAINED_SUBJECTS, DOMAINS } from './chaining-parties.ts'

/** The scopes both domains agree a grant may carry, and what B's API needs. */
export const CHAINED_SCOPES = ['read:repo', 'write:issues']
export const B_API_SCOPE = 'read:repo'

export interface ChainingServers {
  grantEndpoint: ServedBy
  domainB: ServedBy
  apiB: ServedBy
}

/** Fresh servers per run: B's replay cache starts empty, so a replay within this run is the only one. */
export function chainingServers(input: {
  keys: KeyRing
  domain: DomainKeys
  jwks: Run['jwks']
  clock: Clock
  /** The page's "Defence on" switches turned off, from the scenario; every server here gets the same set. */
  defencesOff: DefencesOff
}): ChainingServers {
  const { keys, domain, jwks, clock, defencesOff } = input
  const asA = createTap('idp')
  const asB = createTap('idp')
  const rsB = createTap('resource-server')
  return {
    grantEndpoint: tapped(
      createChainingGrantEndpoint({
        issuer: DOMAINS.a,
        signingKey: keys.idp,
        jwks: jwks.idp,
        peers: [
          {
            issuer: DOMAINS.b,
            names: ['domain-b'],
            scopes: CHAINED_SCOPES,
            subjects: { u_marwan: CHAINED_SUBJECTS.inGrant },
          },
          // Domain C knows the user by the same federated name: only the grant's aud tells B from C.
          {
            issuer: DOMAINS.c,
            names: ['domain-c'],
            scopes: CHAINED_SCOPES,
            subjects: { u_marwan: CHAINED_SUBJECTS.inGrant },
          },
        ],
        grantTtl: 60,
        actorProfile: null,
        clock,
        onDecision: asA.onDecision,
        defencesOff,
        actorIssuers: { [WORKLOAD_ISSUER]: jwks.workload },
      }),
      asA,
    ),
    domainB: tapped(
      createChainedTokenEndpoint({
        issuer: DOMAINS.b,
        signingKey: domain.domainB,
        trustedIssuers: { [DOMAINS.a]: jwks.idp },
        replay: createReplayCache(),
        resourceAudience: DOMAINS.bApi,
        scopes: CHAINED_SCOPES,
        subjects: { [CHAINED_SUBJECTS.inGrant]: CHAINED_SUBJECTS.atB },
        maxTtl: 300,
        actorProfile: null,
        clock,
        onDecision: asB.onDecision,
        defencesOff,
      }),
      asB,
    ),
    apiB: tapped(
      createChainedResourceServer({
        issuer: DOMAINS.b,
        jwks: domain.jwks.domainB,
        audience: DOMAINS.bApi,
        scope: B_API_SCOPE,
        clock,
        audit: rsB.audit,
        log: rsB.log,
        defencesOff,
        peerIssuers: { [DOMAINS.a]: jwks.idp },
      }),
      rsB,
    ),
  }
}
