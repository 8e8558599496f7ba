// The Scenario: one serializable value holding everything a person can change in the playground.
import type { z } from 'zod'
import type { PriorActor } from '../../protocol/tokens/prior-actor.ts'
import type { scenarioSchema } from './scenario-schema.ts'

export const ATTESTATION_PLATFORMS = ['github-oidc', 'k8s-psat', 'aws-iid', 'gcp-iit', 'none'] as const
export type AttestationPlatform = (typeof ATTESTATION_PLATFORMS)[number]

export type { PriorActor }

/**
 * What an attacker does with the delegated token at the resource server (the attack gallery).
 * Attacks on the exchange itself need no switch: they are edits to the request, tokens or clock.
 */
export const ATTACKS = [
  'none',
  'stolen-token',
  'replayed-proof',
  'proof-for-other-url',
  'proof-for-other-method',
  'alg-none',
] as const
export type Attack = (typeof ATTACKS)[number]

/** The flows a scenario can run (see flows/registry.ts). Links made before flows existed mean `delegation`. */
export const FLOW_IDS = ['delegation', 'cross-app', 'identity-chaining', 'transaction-tokens'] as const
export type FlowId = (typeof FLOW_IDS)[number]

/**
 * What an attacker does in the cross-app flow beyond editing fields: present the ID-JAG at the IdP,
 * have another agent redeem it, redeem it twice, or use the access token at another MCP server.
 */
export const CROSS_APP_ATTACKS = [
  'none',
  'id-jag-at-idp',
  'other-agent-redeems',
  'replayed-id-jag',
  'token-at-other-mcp',
] as const
export type CrossAppAttack = (typeof CROSS_APP_ATTACKS)[number]

/** How the user signs in: the scenario's `amr` (simulated), or a real passkey ceremony on this device. */
export const SIGN_IN_CHOICES = ['simulated', 'real-passkey'] as const
export type SignInChoice = (typeof SIGN_IN_CHOICES)[number]

/**
 * The Scenario type is what its schema accepts (scenario-schema.ts, where each field is documented): one
 * definition, so the type and the check of untrusted input can't drift apart. Only the type is imported
 * here, so code that needs the type never loads the schema library.
 */
export type Scenario = z.infer<typeof scenarioSchema>

export type ScenarioUser = Scenario['user']
export type ScenarioActor = Scenario['actor']
export type ScenarioRequest = Scenario['request']
/** The resource call the agent makes with the delegated token. */
export type ResourceCall = Scenario['resourceCall']
/** Deeper edits made in the editors. Each replaces what the scenario would otherwise build. */
export type ScenarioEdits = Scenario['edits']
/** The cross-app access flow's own fields (draft-ietf-oauth-identity-assertion-authz-grant). */
export type ScenarioCrossApp = Scenario['crossApp']
