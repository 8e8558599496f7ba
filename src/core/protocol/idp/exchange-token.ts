// The token exchange itself: verify both tokens, apply policy, and mint the delegated token.
import { isObject } from '../json/is-object.ts'
import type { JWK, JWTPayload } from 'jose'
import { fail, ok, oauthError, type OAuthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { issueDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { ISSUABLE_TOKEN_TYPES, TOKEN_TYPE } from '../tokens/token-types.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder, type CheckRule } from '../trace/check-recorder.ts'
import { isDefenceOff } from '../trace/defence-switch.ts'
import { enforceActorProfile } from '../actor-profile/enforce-actor-profile.ts'
import { buildActClaim, chainDepth } from './build-act-claim.ts'
import { anyAudience } from './any-audience.ts'
import { checkMayAct } from './check-may-act.ts'
import { findDelegationRule, type ExchangePolicy } from './exchange-policy.ts'
import { identifyClient } from './identify-client.ts'
import { narrowScope } from './narrow-scope.ts'
import type { TokenExchangeRequest } from './parse-token-request.ts'
import { resolveTargets } from './resolve-targets.ts'
import { verifyActorToken, verifySubjectToken } from './verify-exchange-tokens.ts'
import { formatScope, parseScope } from '../tokens/scope.ts'

export interface ExchangeContext {
  issuer: string
  policy: ExchangePolicy
  signingKey: SigningKey
  idpJwks: { keys: JWK[] }
  actorIssuerJwks: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
  /** Thumbprint of the verified DPoP proof's key, or null for a bearer request. */
  jkt: string | null
  log: CheckLog
}

/** The input tokens that verified, so a refusal's audit event can still name who asked. */
export interface VerifiedInputs {
  subject: JWTPayload | null
  actor: JWTPayload | null
}

/**
 * What the IdP decided: the response body and the claims it minted, or the error. Either way, the
 * inputs that verified before the decision was made.
 */
export type ExchangeDecision =
  | { accepted: true; response: TokenExchangeResponse; claims: JWTPayload; inputs: VerifiedInputs }
  | { accepted: false; error: OAuthError; inputs: VerifiedInputs }

/** The successful token exchange response body (RFC 8693 §2.2.1). */
export interface TokenExchangeResponse {
  access_token: string
  issued_token_type: string
  token_type: 'DPoP' | 'Bearer'
  expires_in: number
  scope?: string
}

const refusal = (param: string | null, reason: Reason, description: string, explanation: string) =>
  oauthError(reason, description, { explanation, ...(param ? { param } : {}) })

/**
 * Decides an exchange on a parsed request: tokens, client, policy, may_act, chain depth, targets,
 * scope and lifetime, then mints. Returns the decision as data; turning it into HTTP is the handler's job.
 * @see RFC 8693 §2, §4.1, §4.4; RFC 9068 §2.2; RFC 9449 §6.1
 */
export async function decideExchange(
  request: TokenExchangeRequest,
  ctx: ExchangeContext,
): Promise<ExchangeDecision> {
  const inputs: VerifiedInputs = { subject: null, actor: null }
  const result = await exchange(request, ctx, inputs)
  return result.ok
    ? { accepted: true, ...result.value, inputs }
    : { accepted: false, error: result.error, inputs }
}

async function exchange(
  request: TokenExchangeRequest,
  ctx: ExchangeContext,
  inputs: VerifiedInputs,
): Promise<Result<{ response: TokenExchangeResponse; claims: JWTPayload }>> {
  const { policy, log, nowSeconds } = ctx
  const record = checkRecorder(log)
  /** Records the failed check and answers with its refusal. */
  const refuse = (rule: CheckRule, error: OAuthError, detail?: string) =>
    fail<never>(record.refuse(rule, error, detail ?? error.explanation))
  const requestedType = request.requestedTokenType ?? TOKEN_TYPE.accessToken
  const typeCheck = { label: 'requested_token_type can be issued', spec: 'RFC 8693 §2.1' }
  if (!ISSUABLE_TOKEN_TYPES.includes(requestedType))
    return refuse(
      typeCheck,
      refusal(
        'requested_token_type',
        'exchange.requested_token_type_unsupported',
        `"requested_token_type" ${requestedType} is not supported`,
        `This IdP issues JWT access tokens only (${ISSUABLE_TOKEN_TYPES.join(', ')}).`,
      ),
      requestedType,
    )
  record.pass(typeCheck, requestedType)

  const subject = await verifySubjectToken(
    {
      token: request.subjectToken,
      type: request.subjectTokenType,
      issuer: ctx.issuer,
      jwks: ctx.idpJwks,
      nowSeconds,
    },
    log,
  )
  if (!subject.ok) return fail({ ...subject.error, param: 'subject_token' })
  inputs.subject = subject.value

  let actor: JWTPayload | null = null
  if (request.actorToken !== null) {
    const verified = await verifyActorToken(
      {
        token: request.actorToken,
        type: request.actorTokenType ?? '',
        audience: ctx.issuer,
        trustedIssuers: policy.trustedActorIssuers,
        issuerJwks: ctx.actorIssuerJwks,
        nowSeconds,
      },
      log,
    )
    if (!verified.ok) return fail({ ...verified.error, param: 'actor_token' })
    actor = verified.value
    inputs.actor = actor
  } else {
    const presence = {
      label: 'actor_token present (delegation) or allowed absent (impersonation)',
      spec: 'RFC 8693 §1.1',
    }
    if (policy.requireActorToken)
      return refuse(
        presence,
        refusal(
          'actor_token',
          'exchange.actor_token_required',
          '"actor_token" is required by policy',
          'This IdP only allows delegation: without an actor token the issued token could not say which agent is acting.',
        ),
        'no actor_token: impersonation',
      )
    record.pass(presence, 'no actor_token: impersonation')
  }

  const client = identifyClient(request.clientId, actor ? String(actor.sub) : null, policy, log)
  if (!client.ok) return fail({ ...client.error, param: 'client_id' })
  const actorSub = actor ? String(actor.sub) : client.value.spiffeId
  const user = String(subject.value.sub)

  const rule = findDelegationRule(policy, actorSub, user)
  const ruleCheck = { label: 'policy lets this agent act for this user', spec: 'RFC 8693 §2.2.2' }
  if (!rule)
    return refuse(
      ruleCheck,
      refusal(
        'actor_token',
        'exchange.delegation_not_allowed',
        `${actorSub} may not act for ${user}`,
        `No rule in the IdP's policy lets ${actorSub} act on behalf of ${user}.`,
      ),
      `${actorSub} for ${user}`,
    )
  record.pass(ruleCheck, `${actorSub} for ${user}`)

  const mayAct = checkMayAct(
    subject.value.may_act,
    { sub: actorSub, iss: actor ? String(actor.iss) : null },
    log,
  )
  if (!mayAct.ok) return fail({ ...mayAct.error, param: 'actor_token' })

  const depth = chainDepth(subject.value) + (actor ? 1 : 0)
  const depthCheck = {
    label: `delegation chain depth ${depth} within policy (max ${policy.maxChainDepth})`,
    spec: 'RFC 8693 §4.1',
  }
  if (depth > policy.maxChainDepth)
    return refuse(
      depthCheck,
      refusal(
        'subject_token',
        'exchange.chain_too_deep',
        `Delegation chain of ${depth} actors exceeds the policy maximum of ${policy.maxChainDepth}`,
        "Each hop in a chain is another party holding the user's authority; the IdP caps how long a chain may grow.",
      ),
    )
  record.pass(depthCheck)

  const targetCheck = { label: 'audience/resource within policy', spec: 'RFC 8693 §2.1, RFC 8707 §2' }
  let targets = resolveTargets(request.audiences, request.resources, rule)
  // A vulnerable IdP (this defence off) mints for any audience, allowing there what it allows anywhere.
  if (
    !targets.ok &&
    targets.error.reason === 'target.audience_not_allowed' &&
    record.skipped(targetCheck, targets.error)
  )
    targets = resolveTargets(request.audiences, request.resources, anyAudience(rule, request.audiences))
  else if (targets.ok) record.pass(targetCheck, targets.value.map((t) => t.audience).join(' '))
  if (!targets.ok) return refuse(targetCheck, targets.error, targets.error.description)

  const granted = parseScope(subject.value.scope)
  const scopeCheck = { label: 'scope within the grant and policy', spec: 'RFC 8693 §2.1, RFC 6749 §3.3' }
  let scope = narrowScope(request.scope, granted, targets.value)
  // A vulnerable IdP (this defence off) issues the scope asked for, as if an exchange could add to it.
  if (
    !scope.ok &&
    scope.error.reason === 'exchange.scope_not_granted' &&
    request.scope !== null &&
    record.skipped(scopeCheck, scope.error)
  )
    scope = ok([...new Set(request.scope)])
  else if (scope.ok) record.pass(scopeCheck, scope.value.join(' '))
  if (!scope.ok) return refuse(scopeCheck, { ...scope.error, param: 'scope' }, scope.error.description)

  // The token may live no longer than policy allows, than asked for, or than either input token.
  // A vulnerable IdP that skips `exp` on its inputs (token.expired off) does not cap by it either.
  const inputExpiryCounts = !isDefenceOff(log, 'token.expired')
  const remaining = (payload: JWTPayload | null) =>
    payload?.exp === undefined || !inputExpiryCounts ? Infinity : payload.exp - nowSeconds
  const ttl = Math.min(
    policy.maxTtl,
    request.requestedLifetime ?? Infinity,
    remaining(subject.value),
    remaining(actor),
  )
  const lifetimeCheck = {
    label: `lifetime ${ttl}s: min of policy, request, subject and actor token`,
    spec: 'RFC 8693 §2.2.1',
  }
  if (ttl <= 0)
    return refuse(
      lifetimeCheck,
      refusal(
        null,
        'exchange.no_lifetime_left',
        'No lifetime remains for the issued token',
        'An input token is about to expire, so any token issued now would already be dead.',
      ),
    )
  record.pass(lifetimeCheck)

  const act = actor
    ? buildActClaim(
        {
          sub: actorSub,
          azp: client.value.clientId,
          iss: String(actor.iss),
          attestation: typeof actor.attestation === 'string' ? actor.attestation : null,
          subProfile: policy.actorProfile
            ? typeof actor.sub_profile === 'string'
              ? actor.sub_profile
              : policy.actorProfile.actorSubProfile
            : null,
        },
        subject.value.act,
      )
    : null
  if (policy.actorProfile) {
    const refused = enforceActorProfile({ act: act ?? subject.value.act }, policy.maxChainDepth, log)
    if (refused) return fail(refused)
  }
  const minted = await issueDelegatedToken(ctx.signingKey, {
    issuer: ctx.issuer,
    sub: user,
    clientId: client.value.clientId,
    aud: targets.value.map((target) => target.audience),
    scope: scope.value,
    iat: nowSeconds,
    ttl,
    act: act ?? (isObject(subject.value.act) ? subject.value.act : null),
    jkt: ctx.jkt,
    amr: subject.value.amr,
  })
  record.pass(
    {
      label: ctx.jkt ? 'minted token bound to the DPoP key (cnf.jkt)' : 'minted bearer token (no DPoP)',
      spec: ctx.jkt ? 'RFC 9449 §6.1' : 'RFC 6750',
    },
    ctx.jkt ?? undefined,
  )

  const issuedScope = formatScope(scope.value)
  return ok({
    response: {
      access_token: minted.compact,
      issued_token_type: requestedType,
      token_type: ctx.jkt ? 'DPoP' : 'Bearer',
      expires_in: ttl,
      // RFC 8693 §2.2.1: scope is returned when it differs from what was requested.
      ...(request.scope === null || request.scope.join(' ') !== issuedScope ? { scope: issuedScope } : {}),
    },
    claims: minted.claims,
  })
}
