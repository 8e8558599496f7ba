// The seed scenario: what a first visit shows, and the base every preset and permalink is a change from.
import type { Scenario } from './scenario.ts'

export const IDP_ISSUER = 'https://idp.lab.marwandiallo.com'
export const WORKLOAD_ISSUER = 'https://spire.lab.marwandiallo.com'

export { TOKEN_EXCHANGE_GRANT } from '../../protocol/tokens/token-types.ts'

export const CODE_REVIEWER = 'spiffe://prod/agent/code-reviewer/v3'
export const TEST_RUNNER = 'spiffe://prod/agent/test-runner/v1'
export const DEPLOY_BOT = 'spiffe://prod/ci/deploy-bot/v2'

/** Cross-app access: the MCP servers' authorization server, one it does not run, and its two MCP servers. */
export const RESOURCE_AS_ISSUER = 'https://mcp-as.lab.marwandiallo.com'
export const OTHER_RESOURCE_AS_ISSUER = 'https://other-as.example'
export const MCP_SERVER = 'https://mcp.lab.marwandiallo.com/mcp'
export const OTHER_MCP_SERVER = 'https://mcp.lab.marwandiallo.com/other-mcp'

/** The seed's agent as an `act` claim describes it: for chains, and for forged claims. */
export const SEED_ACTOR = {
  sub: CODE_REVIEWER,
  azp: 'a_code_reviewer',
  iss: WORKLOAD_ISSUER,
  attestation: 'github-oidc',
}

export const SEED_SCENARIO: Scenario = {
  version: 1,
  flow: 'delegation',
  user: {
    sub: 'u_marwan',
    // A passkey: proof of possession of a hardware-bound key, with user presence (RFC 8176 §2).
    amr: ['hwk', 'user'],
    grantedScopes: ['read:repo', 'write:repo', 'write:issues', 'read:org'],
    subjectTokenTtl: 3600,
    mayAct: '',
    priorActors: [],
  },
  actor: {
    spiffeId: CODE_REVIEWER,
    attestation: 'github-oidc',
    issuer: WORKLOAD_ISSUER,
    // Short-lived, but longer than the IdP's 600 s cap, so the seed's ttl=600s holds.
    tokenTtl: 900,
  },
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
  resourceCall: { audience: 'api.github.com', method: 'GET', path: '/repos/marwan/playground' },
  clockOffset: 0,
  edits: { rawTokenRequest: null, tamperedClaims: null },
  attack: 'none',
  crossApp: {
    resourceAs: RESOURCE_AS_ISSUER,
    resource: MCP_SERVER,
    scope: 'read:repo',
    redeemScope: '',
    idTokenAge: 300,
    redeemDelay: 0,
    attack: 'none',
  },
  chaining: { attack: 'none' },
  txn: { attack: 'none' },
  defencesOff: [],
  signIn: 'simulated',
}
