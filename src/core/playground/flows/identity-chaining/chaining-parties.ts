// The parties of the identity-chaining flow: domain A's AS issues the grant, domain B's AS and API honour it.
import type { Party } from '../../run.ts'
import { IDP_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Scenario } from '../../scenario/scenario.ts'

/** Where each domain lives; domain C is a peer domain A also chains to, which plays no part but the attack's. */
export const DOMAINS = {
  a: IDP_ISSUER,
  grantEndpoint: `${IDP_ISSUER}/chaining/token`,
  b: 'https://as.domain-b.example',
  bToken: 'https://as.domain-b.example/token',
  bApi: 'https://api.domain-b.example',
  c: 'https://as.domain-c.example',
} as const

/** How each domain knows the user: A's `sub`, its transcription in the grant, and B's own account. */
export const CHAINED_SUBJECTS = { inGrant: 'marwan@lab.marwandiallo.com', atB: 'b-user-7731' } as const

/** Party ids; `idp`, `user`, `agent` and `workload-issuer` are the delegation flow's, whose steps come first. */
export const C = {
  user: 'user',
  agent: 'agent',
  attacker: 'attacker',
  workloadIssuer: 'workload-issuer',
  asA: 'idp',
  asB: 'domain-b-as',
  rsB: 'domain-b-rs',
  auditLog: 'audit-log',
} as const

export function chainingParties(scenario: Scenario): Party[] {
  return [
    { id: C.user, kind: 'user', label: 'user', detail: scenario.user.sub },
    { id: C.agent, kind: 'agent', label: 'agent', detail: scenario.actor.spiffeId },
    ...(scenario.chaining.attack === 'replayed-grant'
      ? [
          {
            id: C.attacker,
            kind: 'attacker' as const,
            label: 'attacker',
            detail: 'holds a copy of the grant',
          },
        ]
      : []),
    {
      id: C.workloadIssuer,
      kind: 'workload-issuer',
      label: 'workload issuer',
      detail: scenario.actor.issuer,
    },
    { id: C.asA, kind: 'idp', label: 'domain A AS', detail: DOMAINS.a },
    { id: C.asB, kind: 'authorization-server', label: 'domain B AS', detail: DOMAINS.b },
    { id: C.rsB, kind: 'resource-server', label: 'domain B RS', detail: DOMAINS.bApi },
    { id: C.auditLog, kind: 'audit-log', label: 'audit log' },
  ]
}
