// Named scenarios, each a change from the seed, with a one-line note and what it should show.
import type { OAuthErrorCode } from '../../protocol/errors/oauth-error.ts'
import type { Reason } from '../../protocol/errors/reasons.ts'
import type { PartyKind } from '../run.ts'
import type { ScenarioChange } from './scenario-change.ts'
import { CHAINING_PRESETS } from './chaining-presets.ts'
import { TXN_PRESETS } from './txn-presets.ts'
import { ATTACK_GALLERY } from './attack-gallery.ts'
import { CROSS_APP_PRESETS } from './cross-app-presets.ts'
import { CODE_REVIEWER, DEPLOY_BOT, SEED_ACTOR, TEST_RUNNER } from './seed-scenario.ts'

export type { ScenarioChange }

export interface Preset {
  id: string
  title: string
  /** One line on the page explaining what to look at. */
  note: string
  kind: 'scenario' | 'attack'
  change: ScenarioChange
  /**
   * Where the run should stop, and with which error; null when everything is accepted. For an attack,
   * `reason` names the defence that stops it: the check refusing with that reason id, which its
   * "Defence on" switch turns off (`Scenario.defencesOff`).
   */
  outcome: { refusedBy: PartyKind; error: OAuthErrorCode; reason?: Reason } | null
  /** For attacks: the defence that stopped it. */
  defence?: string
  /**
   * For attacks of the identity-chaining and transaction-token flows: what the attacker changed, the
   * party (id) where it is stopped, and the reason id, spec and check that stop it (the check a
   * "Defence on" switch would skip).
   */
  stop?: { changed: string; at: string; reason: Reason; spec: string; check: string }
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'seed',
    title: 'Seed: code reviewer',
    kind: 'scenario',
    change: {},
    outcome: null,
    note: 'A single-hop delegation: the code-review agent, attested by GitHub Actions OIDC, acts for u_marwan with a narrowed, DPoP-bound token.',
  },
  {
    id: 'impersonation',
    title: 'Impersonation (no actor token)',
    kind: 'scenario',
    change: { request: { sendActorToken: false } },
    outcome: null,
    note: 'Without an actor token the token has no act: the audit line says u_marwan did it, and cannot tell the agent from the user.',
  },
  {
    id: 'delegation-chain',
    title: 'Delegation chain',
    kind: 'scenario',
    outcome: null,
    change: {
      user: { priorActors: [SEED_ACTOR] },
      actor: { spiffeId: TEST_RUNNER },
      request: { scope: 'read:repo' },
    },
    note: 'The code reviewer hands off to a test runner: act nests, the current actor outermost, and the audit line shows the chain with via=.',
  },
  {
    id: 'ci-deploy-bot',
    title: 'CI deploy bot',
    kind: 'scenario',
    outcome: null,
    change: {
      user: { grantedScopes: ['read:repo', 'write:repo', 'write:issues', 'read:org', 'deploy:staging'] },
      actor: { spiffeId: DEPLOY_BOT, attestation: 'k8s-psat' },
      request: { audiences: ['deploy.lab.marwandiallo.com'], scope: 'deploy:staging' },
      resourceCall: { audience: 'deploy.lab.marwandiallo.com', method: 'POST', path: '/deployments/staging' },
    },
    note: 'A deploy bot attested by a Kubernetes projected service account token reaches a different audience with a different scope.',
  },
  {
    id: 'may-act',
    title: 'may_act names the agent',
    kind: 'scenario',
    change: { user: { mayAct: CODE_REVIEWER } },
    outcome: null,
    note: "The user's own token says who may act for them (may_act); the IdP checks the actor against it before anything else of policy.",
  },
  ...CHAINING_PRESETS,
  ...TXN_PRESETS,
  ...ATTACK_GALLERY,
  ...CROSS_APP_PRESETS,
]
