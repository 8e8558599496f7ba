// Test fixture: one delegation exchange as protocol data (the user's token, the agent's, the request, the IdP's policy).
import type { PriorActor } from '../tokens/prior-actor.ts'
import type { ExchangePolicy } from './exchange-policy.ts'

export const IDP_ISSUER = 'https://idp.lab.marwandiallo.com'
export const WORKLOAD_ISSUER = 'https://spire.lab.marwandiallo.com'
export const CODE_REVIEWER = 'spiffe://prod/agent/code-reviewer/v3'
export const TEST_RUNNER = 'spiffe://prod/agent/test-runner/v1'
export const DEPLOY_BOT = 'spiffe://prod/ci/deploy-bot/v2'

/**
 * What a token-endpoint test varies: the subject token's claims, the actor token's, the request the
 * agent sends and the IdP's policy. The playground's Scenario has these same fields, so a test of the
 * page can hand a Scenario where an ExchangeCase is expected; protocol tests need nothing else of it.
 */
export interface ExchangeCase {
  user: {
    sub: string
    amr: string[]
    grantedScopes: string[]
    subjectTokenTtl: number
    mayAct: string | { sub: string; iss?: string }
    priorActors: PriorActor[]
  }
  actor: {
    spiffeId: string
    /** `none` leaves the claim out. */
    attestation: string
    /** Any issuer but {@link WORKLOAD_ISSUER} gets a token signed with a key nobody trusts. */
    issuer: string
    tokenTtl: number
  }
  request: {
    sendActorToken: boolean
    audiences: string[]
    resources: string[]
    /** The `scope` parameter as sent; empty leaves it out. */
    scope: string
    requestedTokenType: string
    requestedTtl: number | null
    dpop: boolean
  }
  policy: ExchangePolicy
}

/** A code-review agent acting for u_marwan at api.github.com, with a DPoP-bound request. */
export const EXCHANGE_CASE: ExchangeCase = {
  user: {
    sub: 'u_marwan',
    amr: ['hwk', 'user'],
    grantedScopes: ['read:repo', 'write:repo', 'write:issues', 'read:org'],
    subjectTokenTtl: 3600,
    mayAct: '',
    priorActors: [],
  },
  actor: { spiffeId: CODE_REVIEWER, attestation: 'github-oidc', issuer: WORKLOAD_ISSUER, tokenTtl: 900 },
  request: {
    sendActorToken: true,
    audiences: ['api.github.com'],
    resources: [],
    scope: 'read:repo write:issues',
    requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
    requestedTtl: null,
    dpop: true,
  },
  policy: {
    clients: [
      { clientId: 'a_code_reviewer', spiffeId: CODE_REVIEWER },
      { clientId: 'a_test_runner', spiffeId: TEST_RUNNER },
      { clientId: 'a_deploy_bot', spiffeId: DEPLOY_BOT },
    ],
    delegations: [
      {
        actor: CODE_REVIEWER,
        users: ['u_marwan'],
        audiences: [
          {
            audience: 'api.github.com',
            resource: 'https://api.github.com/',
            scopes: ['read:repo', 'write:issues'],
          },
        ],
      },
      {
        actor: TEST_RUNNER,
        users: ['u_marwan'],
        audiences: [
          { audience: 'api.github.com', resource: 'https://api.github.com/', scopes: ['read:repo'] },
        ],
      },
      {
        actor: DEPLOY_BOT,
        users: ['*'],
        audiences: [
          {
            audience: 'deploy.lab.marwandiallo.com',
            resource: 'https://deploy.lab.marwandiallo.com/',
            scopes: ['deploy:staging'],
          },
        ],
      },
    ],
    trustedActorIssuers: [WORKLOAD_ISSUER],
    maxTtl: 600,
    maxChainDepth: 3,
    requireActorToken: false,
    requireDpop: false,
    requireDpopNonce: false,
  },
}
