// The seed scenario's policy and the sandbox's default resource server, written as a configuration file says them.
import { findResourceServer } from '../../src/core/playground/resource-catalog.ts'
import { SEED_SCENARIO, WORKLOAD_ISSUER } from '../../src/core/playground/scenario/seed-scenario.ts'
import { RESOURCE_PREFIX } from '../endpoints.ts'
import type { SandboxConfigFile } from './config-schema.ts'

const { policy } = SEED_SCENARIO
const api = findResourceServer('api.github.com')!

/** What `examples/sandbox.config.json` holds; a test keeps the two equal. */
export const SEED_CONFIG: SandboxConfigFile = {
  $schema: '../sandbox/sandbox.config.schema.json',
  agents: policy.clients.map(({ spiffeId, clientId }) => ({ spiffeId, clientId })),
  workloadIssuers: [{ issuer: WORKLOAD_ISSUER }],
  delegation: {
    rules: policy.delegations,
    maxTtlSeconds: policy.maxTtl,
    maxChainDepth: policy.maxChainDepth,
    requireActorToken: policy.requireActorToken,
    requireDpop: policy.requireDpop,
    requireDpopNonce: policy.requireDpopNonce,
  },
  resourceServers: [
    {
      audience: api.audience,
      mount: RESOURCE_PREFIX,
      routes: [
        {
          method: 'GET',
          path: '/repos/:owner/:repo',
          scope: 'read:repo',
          describe: 'Read a repository',
          response: { repository: '{owner}/{repo}', default_branch: 'main', visibility: 'private' },
        },
        {
          method: 'POST',
          path: '/repos/:owner/:repo/issues',
          scope: 'write:issues',
          describe: 'Open an issue on a repository',
          response: { repository: '{owner}/{repo}', issue: { number: 42, state: 'open' } },
        },
      ],
    },
  ],
}
