// The cross-app flow's servers as data: the IdP's ID-JAG grants, the resource AS's clients and MCP servers, the parties.
import type { IdJagPolicy } from '../../../protocol/id-jag/id-jag-policy.ts'
import type { ResourceAsPolicy } from '../../../protocol/resource-as/resource-as-policy.ts'
import type { Party } from '../../run.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import {
  CODE_REVIEWER,
  IDP_ISSUER,
  MCP_SERVER,
  OTHER_MCP_SERVER,
  OTHER_RESOURCE_AS_ISSUER,
  RESOURCE_AS_ISSUER,
  TEST_RUNNER,
} from '../../scenario/seed-scenario.ts'

/** Party ids the cross-app flow's steps refer to. */
export const X = {
  user: 'user',
  agent: 'agent',
  attacker: 'attacker',
  idp: 'idp',
  resourceAs: 'resource-as',
  mcp: 'mcp-server',
  auditLog: 'audit-log',
} as const

/** The scope the MCP server's tool needs. */
export const MCP_TOOL_SCOPE = 'read:repo'

const MCP_SCOPES = ['read:repo', 'write:issues']

/**
 * The IdP's policy: the code reviewer may get ID-JAGs for u_marwan to the resource AS (and to another
 * tenant's AS in front of the same MCP server), the test runner for anyone with read:repo only; sign-ins older than an hour need a step-up.
 * The registered clients are the scenario's (its IdP policy), so an agent the IdP does not know is refused.
 */
export function crossAppIdpPolicy(scenario: Scenario): IdJagPolicy {
  return {
    clients: scenario.policy.clients.map(({ clientId, spiffeId }) => ({ clientId, spiffeId })),
    grants: [
      {
        agent: CODE_REVIEWER,
        users: ['u_marwan'],
        resourceAs: RESOURCE_AS_ISSUER,
        resources: [MCP_SERVER, OTHER_MCP_SERVER],
        scopes: MCP_SCOPES,
        clientIdAtResourceAs: 'mcp_code_reviewer',
      },
      // A second tenant's resource AS in front of the same MCP server, where the agent is registered
      // under the same client id: an ID-JAG for it differs from ours in `aud` alone, so the audience
      // check is the one defence that keeps it from being spent here.
      {
        agent: CODE_REVIEWER,
        users: ['u_marwan'],
        resourceAs: OTHER_RESOURCE_AS_ISSUER,
        resources: [MCP_SERVER],
        scopes: ['read:repo'],
        clientIdAtResourceAs: 'mcp_code_reviewer',
      },
      {
        agent: TEST_RUNNER,
        users: ['*'],
        resourceAs: RESOURCE_AS_ISSUER,
        resources: [MCP_SERVER, OTHER_MCP_SERVER],
        scopes: ['read:repo'],
        clientIdAtResourceAs: 'mcp_test_runner',
      },
    ],
    maxIdTokenAgeSeconds: 3600,
    idJagTtl: 300,
  }
}

/** The resource AS: both agents registered, two MCP servers governed, ten-minute access tokens. */
export const CROSS_APP_RAS_POLICY: ResourceAsPolicy = {
  clients: [
    { clientId: 'mcp_code_reviewer', spiffeId: CODE_REVIEWER },
    { clientId: 'mcp_test_runner', spiffeId: TEST_RUNNER },
  ],
  resources: [
    { resource: MCP_SERVER, scopes: MCP_SCOPES },
    { resource: OTHER_MCP_SERVER, scopes: MCP_SCOPES },
  ],
  accessTokenTtl: 600,
}

/** The other agent of the "agent B redeems agent A's ID-JAG" attack. */
export const otherAgent = (scenario: Scenario) =>
  scenario.actor.spiffeId === TEST_RUNNER ? CODE_REVIEWER : TEST_RUNNER

export function crossAppParties(scenario: Scenario, mcpUrl: string): Party[] {
  const attack = scenario.crossApp.attack
  const attacker: Party[] =
    attack === 'other-agent-redeems' || attack === 'replayed-id-jag'
      ? [{ id: X.attacker, kind: 'attacker', label: 'attacker', detail: otherAgent(scenario) }]
      : []
  return [
    { id: X.user, kind: 'user', label: 'user', detail: scenario.user.sub },
    { id: X.agent, kind: 'agent', label: 'agent', detail: scenario.actor.spiffeId },
    ...attacker,
    { id: X.idp, kind: 'idp', label: 'IdP', detail: IDP_ISSUER },
    { id: X.resourceAs, kind: 'authorization-server', label: 'resource AS', detail: RESOURCE_AS_ISSUER },
    { id: X.mcp, kind: 'mcp-server', label: 'MCP server', detail: mcpUrl },
    { id: X.auditLog, kind: 'audit-log', label: 'audit log' },
  ]
}
