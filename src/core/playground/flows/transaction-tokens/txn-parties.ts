// The parties of the transaction-token flow: the edge gateway, the Transaction Token Service, and two internal services.
import type { Party } from '../../run.ts'
import { IDP_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Scenario } from '../../scenario/scenario.ts'

/** The trust domain, its TTS, its edge and its workloads. */
export const DOMAIN = {
  trustDomain: 'trust-domain.lab.marwandiallo.com',
  /** A partner's domain: a Txn-Token of ours is worthless there (§12.2). */
  otherTrustDomain: 'trust-domain.partner.example',
  tts: 'https://tts.lab.marwandiallo.com',
  ttsToken: 'https://tts.lab.marwandiallo.com/token',
  gateway: 'https://gateway.lab.marwandiallo.com/reviews',
  serviceA: 'https://pr-review.internal.lab.marwandiallo.com/review',
  serviceB: 'https://repo-reader.internal.lab.marwandiallo.com/diff',
  partner: 'https://repo-reader.partner.example/diff',
} as const

/** Workload names, as the TTS knows who may ask it for tokens (§11.3). */
export const WORKLOADS = { gateway: 'api-gateway', serviceA: 'pr-review', serviceB: 'repo-reader' } as const

/** Party ids; `idp`, `user`, `agent` and `workload-issuer` are the delegation flow's, whose steps come first. */
export const T = {
  user: 'user',
  agent: 'agent',
  workloadIssuer: 'workload-issuer',
  idp: 'idp',
  gateway: 'api-gateway',
  tts: 'tts',
  serviceA: 'service-a',
  serviceB: 'service-b',
  auditLog: 'audit-log',
} as const

export function txnParties(scenario: Scenario): Party[] {
  const outside = scenario.txn.attack === 'outside-trust-domain'
  return [
    { id: T.user, kind: 'user', label: 'user', detail: scenario.user.sub },
    { id: T.agent, kind: 'agent', label: 'agent', detail: scenario.actor.spiffeId },
    {
      id: T.workloadIssuer,
      kind: 'workload-issuer',
      label: 'workload issuer',
      detail: scenario.actor.issuer,
    },
    { id: T.idp, kind: 'idp', label: 'IdP', detail: IDP_ISSUER },
    { id: T.gateway, kind: 'service', label: 'API gateway', detail: WORKLOADS.gateway },
    { id: T.tts, kind: 'transaction-token-service', label: 'Transaction Token Service', detail: DOMAIN.tts },
    { id: T.serviceA, kind: 'service', label: 'service A', detail: WORKLOADS.serviceA },
    outside
      ? { id: T.serviceB, kind: 'service', label: 'partner service', detail: DOMAIN.otherTrustDomain }
      : { id: T.serviceB, kind: 'service', label: 'service B', detail: WORKLOADS.serviceB },
    { id: T.auditLog, kind: 'audit-log', label: 'audit log' },
  ]
}
