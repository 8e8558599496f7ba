// The Scenario: one serializable value holding everything a person can change in the playground.
import type { ExchangePolicy } from '../../protocol/idp/exchange-policy.ts'
import type { Reason } from '../../protocol/errors/reasons.ts'
import type { PriorActor } from '../../protocol/tokens/prior-actor.ts'
import type { ChainingAttack, TxnAttack } from './flow-attacks.ts'

export const ATTESTATION_PLATFORMS = ['github-oidc', 'k8s-psat', 'aws-iid', 'gcp-iit', 'none'] as const
export type AttestationPlatform = (typeof ATTESTATION_PLATFORMS)[number]

export type { PriorActor }

export interface ScenarioUser {
  /** The user's id: `sub` of the subject token. */
  sub: string
  /** Authentication methods (RFC 8176 §2). A passkey is possession of a hardware-bound key with user presence. */
  amr: string[]
  /** What the user granted: the subject token's `scope`, wider than any one request. */
  grantedScopes: string[]
  /** Lifetime of the subject token, in seconds from its issue. */
  subjectTokenTtl: number
  /** `may_act` in the subject token (RFC 8693 §4.4): the one actor this user allows. Empty for none. */
  mayAct: string
  /** Earlier actors when the subject token is itself a delegated token, outermost (most recent) first. */
  priorActors: PriorActor[]
}

export interface ScenarioActor {
  /** The agent's workload identity: a SPIFFE ID, `sub` of the actor token. */
  spiffeId: string
  /** Which platform attested the workload; `none` omits the claim. */
  attestation: AttestationPlatform
  /** Who issued the actor token. Only issuers in the IdP's policy are trusted; any other signs with its own key. */
  issuer: string
  /** Lifetime of the actor token, in seconds from its issue. */
  tokenTtl: number
}

/** The resource call the agent makes with the delegated token. */
export interface ResourceCall {
  /** Which resource server to call, by the audience it answers to (see playground/resource-catalog.ts). */
  audience: string
  method: 'GET' | 'POST'
  /** Path on the resource server, for example `/repos/marwan/playground`. */
  path: string
}

export interface ScenarioRequest {
  /** Delegation when on, impersonation when off (RFC 8693 §1.1). */
  sendActorToken: boolean
  /** `audience` parameters (RFC 8693 §2.1). */
  audiences: string[]
  /** `resource` parameters (RFC 8707 §2). */
  resources: string[]
  /** The `scope` parameter, space-separated as typed. */
  scope: string
  /** `requested_token_type` (RFC 8693 §3). */
  requestedTokenType: string
  /** Requested lifetime in seconds (a playground extension parameter); `null` leaves it to policy. */
  requestedTtl: number | null
  /** Bind the token to the agent's key with DPoP (RFC 9449). */
  dpop: boolean
}

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

/** Deeper edits made in the editors. Each replaces what the scenario would otherwise build. */
export interface ScenarioEdits {
  /** "Edit request": the token request as raw HTTP text, processed by the IdP exactly as typed. */
  rawTokenRequest: string | null
  /** "Tamper with token": the delegated token's claims as JSON text, re-encoded under the original signature. */
  tamperedClaims: string | null
}

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

/** The cross-app access flow's own fields (draft-ietf-oauth-identity-assertion-authz-grant). */
export interface ScenarioCrossApp {
  /** `audience` of the ID-JAG request: the resource authorization server's issuer (§4.3). */
  resourceAs: string
  /** `resource` of the ID-JAG request: the MCP server's URL (RFC 8707). */
  resource: string
  /** `scope` asked of the IdP. */
  scope: string
  /** `scope` asked of the resource AS with the ID-JAG; empty sends none (the ID-JAG's scope). */
  redeemScope: string
  /** Seconds since the user signed in (`auth_time`) when the agent asks for the ID-JAG. */
  idTokenAge: number
  /** Seconds the agent waits between getting the ID-JAG and redeeming it. */
  redeemDelay: number
  attack: CrossAppAttack
}

export interface Scenario {
  version: 1
  /** Which flow runs this scenario. */
  flow: FlowId
  user: ScenarioUser
  actor: ScenarioActor
  request: ScenarioRequest
  policy: ExchangePolicy
  resourceCall: ResourceCall
  /** Seconds added to the real clock, to watch tokens expire. */
  clockOffset: number
  edits: ScenarioEdits
  attack: Attack
  /** Read by the cross-app flow only; links made before it existed take the seed's. */
  crossApp: ScenarioCrossApp
  /** The identity-chaining flow's attack; links without it mean none. */
  chaining: { attack: ChainingAttack }
  /** The transaction-token flow's attack; links without it mean none. */
  txn: { attack: TxnAttack }
  /**
   * The "Defence on" switches turned off, by the reason id each defence refuses with: the run uses an
   * IdP or resource server that skips exactly those checks. Empty in the seed. Only the page's runs read
   * it; the sandbox's servers are never given a set.
   */
  defencesOff: Reason[]
}
