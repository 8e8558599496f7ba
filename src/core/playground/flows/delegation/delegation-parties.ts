// The parties of the delegation flow (RFC 8693 §1.1): a user, the agent acting for them, the servers, the log.
import type { ResourceServerConfig } from '../../../protocol/resource-server/resource-server-config.ts'
import type { Party } from '../../run.ts'
import { IDP_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Scenario } from '../../scenario/scenario.ts'

/** Party ids the delegation flow's steps refer to. */
export const P = {
  user: 'user',
  agent: 'agent',
  attacker: 'attacker',
  workloadIssuer: 'workload-issuer',
  idp: 'idp',
  resourceServer: 'resource-server',
  auditLog: 'audit-log',
} as const

/** The attacker appears only when the attack has someone other than the agent present the token. */
export function delegationParties(scenario: Scenario, rs: ResourceServerConfig | undefined): Party[] {
  return [
    { id: P.user, kind: 'user', label: 'user', detail: scenario.user.sub },
    { id: P.agent, kind: 'agent', label: 'agent', detail: scenario.actor.spiffeId },
    ...(scenario.attack === 'stolen-token' || scenario.attack === 'replayed-proof'
      ? [
          {
            id: P.attacker,
            kind: 'attacker' as const,
            label: 'attacker',
            detail: 'holds a copy of the token',
          },
        ]
      : []),
    {
      id: P.workloadIssuer,
      kind: 'workload-issuer',
      label: 'workload issuer',
      detail: scenario.actor.issuer,
    },
    { id: P.idp, kind: 'idp', label: 'IdP', detail: IDP_ISSUER },
    {
      id: P.resourceServer,
      kind: 'resource-server',
      label: 'resource server',
      detail: rs?.audience ?? scenario.resourceCall.audience,
    },
    { id: P.auditLog, kind: 'audit-log', label: 'audit log' },
  ]
}
