// The Scenario's zod schema: the Scenario type is inferred from it, and untrusted input is checked against it.
import { z } from 'zod'
import { REASONS, type Reason } from '../../protocol/errors/reasons.ts'
import type { ExchangePolicy } from '../../protocol/idp/exchange-policy.ts'
import type { PriorActor } from '../../protocol/tokens/prior-actor.ts'
import { CHAINING_ATTACKS, TXN_ATTACKS } from './flow-attacks.ts'
import { ATTACKS, ATTESTATION_PLATFORMS, CROSS_APP_ATTACKS, FLOW_IDS, SIGN_IN_CHOICES } from './scenario.ts'

// No code generation: zod otherwise probes `new Function` to compile fast parsers, which the page's
// Content Security Policy (no eval) blocks and reports as a violation. Scenarios are small; the
// interpreted parser is plenty fast.
z.config({ jitless: true })

/** Bounds keep hostile input cheap to refuse: no field is allowed to be large enough to hurt. */
export const SCENARIO_LIMITS = {
  id: 256,
  scope: 1024,
  list: 16,
  edit: 64 * 1024,
  seconds: 10 * 365 * 24 * 3600,
} as const

const id = z.string().max(SCENARIO_LIMITS.id)
const uri = z.string().max(SCENARIO_LIMITS.id)
const list = <T extends z.ZodType>(item: T) => z.array(item).max(SCENARIO_LIMITS.list)
const lifetime = z.number().int().min(-SCENARIO_LIMITS.seconds).max(SCENARIO_LIMITS.seconds)

// `satisfies` ties the protocol layer's types to what the schema accepts, without a cast either way.
const priorActor = z.strictObject({
  sub: id,
  azp: id.optional(),
  iss: uri.optional(),
  attestation: id.optional(),
}) satisfies z.ZodType<PriorActor>

const policy = z.strictObject({
  clients: list(z.strictObject({ clientId: id, spiffeId: id })),
  delegations: list(
    z.strictObject({
      actor: id,
      users: list(id),
      audiences: list(z.strictObject({ audience: id, resource: uri, scopes: list(id) })),
    }),
  ),
  trustedActorIssuers: list(uri),
  maxTtl: z.number().int().min(1).max(SCENARIO_LIMITS.seconds),
  maxChainDepth: z.number().int().min(0).max(SCENARIO_LIMITS.list),
  requireActorToken: z.boolean(),
  requireDpop: z.boolean(),
  requireDpopNonce: z.boolean(),
  // The actor-profile switch (draft-mcguinness-oauth-actor-profile-00); absent or null means off.
  actorProfile: z
    .strictObject({ actorSubProfile: z.enum(['ai_agent', 'service', 'user']) })
    .nullable()
    .optional(),
}) satisfies z.ZodType<ExchangePolicy>

/** Every field a person can change in the playground; the type `Scenario` (scenario.ts) is inferred from it. */
export const scenarioSchema = z.strictObject({
  version: z.literal(1),
  /** Which flow runs this scenario (see flows/registry.ts). Links made before flows existed mean `delegation`. */
  flow: z.enum(FLOW_IDS),
  user: z.strictObject({
    /** The user's id: `sub` of the subject token. */
    sub: id,
    /** Authentication methods (RFC 8176 §2). A passkey is possession of a hardware-bound key with user presence. */
    amr: list(id),
    /** What the user granted: the subject token's `scope`, wider than any one request. */
    grantedScopes: list(id),
    /** Lifetime of the subject token, in seconds from its issue. */
    subjectTokenTtl: lifetime,
    /** `may_act` in the subject token (RFC 8693 §4.4): the one actor this user allows. Empty for none. */
    mayAct: id,
    /** Earlier actors when the subject token is itself a delegated token, outermost (most recent) first. */
    priorActors: list(priorActor),
  }),
  actor: z.strictObject({
    /** The agent's workload identity: a SPIFFE ID, `sub` of the actor token. */
    spiffeId: id,
    /** Which platform attested the workload; `none` omits the claim. */
    attestation: z.enum(ATTESTATION_PLATFORMS),
    /** Who issued the actor token. Only issuers in the IdP's policy are trusted; any other signs with its own key. */
    issuer: uri,
    /** Lifetime of the actor token, in seconds from its issue. */
    tokenTtl: lifetime,
  }),
  request: z.strictObject({
    /** Delegation when on, impersonation when off (RFC 8693 §1.1). */
    sendActorToken: z.boolean(),
    /** `audience` parameters (RFC 8693 §2.1). */
    audiences: list(id),
    /** `resource` parameters (RFC 8707 §2). */
    resources: list(uri),
    /** The `scope` parameter, space-separated as typed. */
    scope: z.string().max(SCENARIO_LIMITS.scope),
    /** `requested_token_type` (RFC 8693 §3). */
    requestedTokenType: uri,
    /** Requested lifetime in seconds (a playground extension parameter); `null` leaves it to policy. */
    requestedTtl: z.number().int().min(1).max(SCENARIO_LIMITS.seconds).nullable(),
    /** Bind the token to the agent's key with DPoP (RFC 9449). */
    dpop: z.boolean(),
  }),
  policy,
  /** The resource call the agent makes with the delegated token. */
  resourceCall: z.strictObject({
    /** Which resource server to call, by the audience it answers to (see playground/resource-catalog.ts). */
    audience: id,
    method: z.enum(['GET', 'POST']),
    /** Path on the resource server, for example `/repos/marwan/playground`. */
    path: z.string().max(SCENARIO_LIMITS.id).startsWith('/'),
  }),
  /** Seconds added to the real clock, to watch tokens expire. */
  clockOffset: lifetime,
  /** Deeper edits made in the editors. Each replaces what the scenario would otherwise build. */
  edits: z.strictObject({
    /** "Edit request": the token request as raw HTTP text, processed by the IdP exactly as typed. */
    rawTokenRequest: z.string().max(SCENARIO_LIMITS.edit).nullable(),
    /** "Tamper with token": the delegated token's claims as JSON text, re-encoded under the original signature. */
    tamperedClaims: z.string().max(SCENARIO_LIMITS.edit).nullable(),
  }),
  /** What an attacker does with the delegated token at the resource server (the attack gallery). */
  attack: z.enum(ATTACKS),
  /** Read by the cross-app flow only (draft-ietf-oauth-identity-assertion-authz-grant); old links take the seed's. */
  crossApp: z.strictObject({
    /** `audience` of the ID-JAG request: the resource authorization server's issuer (§4.3). */
    resourceAs: uri,
    /** `resource` of the ID-JAG request: the MCP server's URL (RFC 8707). */
    resource: uri,
    /** `scope` asked of the IdP. */
    scope: z.string().max(SCENARIO_LIMITS.scope),
    /** `scope` asked of the resource AS with the ID-JAG; empty sends none (the ID-JAG's scope). */
    redeemScope: z.string().max(SCENARIO_LIMITS.scope),
    /** Seconds since the user signed in (`auth_time`) when the agent asks for the ID-JAG. */
    idTokenAge: z.number().int().min(0).max(SCENARIO_LIMITS.seconds),
    /** Seconds the agent waits between getting the ID-JAG and redeeming it. */
    redeemDelay: z.number().int().min(0).max(SCENARIO_LIMITS.seconds),
    attack: z.enum(CROSS_APP_ATTACKS),
  }),
  /** The identity-chaining flow's attack; links without it mean none. */
  chaining: z.strictObject({ attack: z.enum(CHAINING_ATTACKS) }),
  /** The transaction-token flow's attack; links without it mean none. */
  txn: z.strictObject({ attack: z.enum(TXN_ATTACKS) }),
  /**
   * The "Defence on" switches turned off, by the reason id each defence refuses with: the run uses an
   * IdP or resource server that skips exactly those checks. Empty in the seed. Only the page's runs read
   * it; the sandbox's servers are never given a set. Added after link format v1 shipped: a v1 link
   * without it restores to the seed's empty list.
   */
  defencesOff: list(z.enum(Object.keys(REASONS) as [Reason, ...Reason[]])),
  /**
   * How the user signs in: `simulated` (the scenario's `amr`; the seed) or `real-passkey` (a WebAuthn
   * ceremony on the visitor's device, see playground/passkey/). Only the choice: no credential, key,
   * assertion or claim of a ceremony is ever in a scenario, so a link opened elsewhere asks for a fresh
   * ceremony. Added after link format v1 shipped: a v1 link without it restores to `simulated`.
   */
  signIn: z.enum(SIGN_IN_CHOICES),
})
