// The zod schema every untrusted scenario (link, pasted JSON) is checked against, with size bounds.
import { z } from 'zod'
import { REASONS, type Reason } from '../../protocol/errors/reasons.ts'
import { CHAINING_ATTACKS, TXN_ATTACKS } from './flow-attacks.ts'
import { ATTACKS, ATTESTATION_PLATFORMS, CROSS_APP_ATTACKS, FLOW_IDS } from './scenario.ts'

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

const priorActor = z.strictObject({
  sub: id,
  azp: id.optional(),
  iss: uri.optional(),
  attestation: id.optional(),
})

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
})

export const scenarioSchema = z.strictObject({
  version: z.literal(1),
  flow: z.enum(FLOW_IDS),
  user: z.strictObject({
    sub: id,
    amr: list(id),
    grantedScopes: list(id),
    subjectTokenTtl: lifetime,
    mayAct: id,
    priorActors: list(priorActor),
  }),
  actor: z.strictObject({
    spiffeId: id,
    attestation: z.enum(ATTESTATION_PLATFORMS),
    issuer: uri,
    tokenTtl: lifetime,
  }),
  request: z.strictObject({
    sendActorToken: z.boolean(),
    audiences: list(id),
    resources: list(uri),
    scope: z.string().max(SCENARIO_LIMITS.scope),
    requestedTokenType: uri,
    requestedTtl: z.number().int().min(1).max(SCENARIO_LIMITS.seconds).nullable(),
    dpop: z.boolean(),
  }),
  policy,
  resourceCall: z.strictObject({
    audience: id,
    method: z.enum(['GET', 'POST']),
    path: z.string().max(SCENARIO_LIMITS.id).startsWith('/'),
  }),
  clockOffset: lifetime,
  edits: z.strictObject({
    rawTokenRequest: z.string().max(SCENARIO_LIMITS.edit).nullable(),
    tamperedClaims: z.string().max(SCENARIO_LIMITS.edit).nullable(),
  }),
  attack: z.enum(ATTACKS),
  crossApp: z.strictObject({
    resourceAs: uri,
    resource: uri,
    scope: z.string().max(SCENARIO_LIMITS.scope),
    redeemScope: z.string().max(SCENARIO_LIMITS.scope),
    idTokenAge: z.number().int().min(0).max(SCENARIO_LIMITS.seconds),
    redeemDelay: z.number().int().min(0).max(SCENARIO_LIMITS.seconds),
    attack: z.enum(CROSS_APP_ATTACKS),
  }),
  chaining: z.strictObject({ attack: z.enum(CHAINING_ATTACKS) }),
  txn: z.strictObject({ attack: z.enum(TXN_ATTACKS) }),
  // Added after link format v1 shipped: a v1 link without it restores to the seed's empty list.
  defencesOff: list(z.enum(Object.keys(REASONS) as [Reason, ...Reason[]])),
})
