// Verifies a JWT authorization grant at the authorization server it was made for (RFC 7523 §3), one profile at a time.
import type { JWK, JWTPayload } from 'jose'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { fail, ok, type OAuthError, type Result } from '../errors/oauth-error.ts'
import { refusal } from '../errors/reasoned-error.ts'
import { REASONS } from '../errors/reasons.ts'
import type { JwtRule } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { JWT_LEEWAY_SECONDS, verifyJwt } from '../tokens/verify-jwt.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { isDefenceOff } from '../trace/defence-switch.ts'
import { CHAINING_GRANT_PROFILE, type GrantRule, type JwtGrantProfile } from './jwt-grant-profile.ts'

export { JWT_GRANT_TYP } from './jwt-grant-profile.ts'

export interface JwtGrantRules {
  /** This authorization server's issuer identifier: `aud` must name it (RFC 7523 §3 (3), RFC 8414 §2). */
  audience: string
  /** Issuers whose grants this server accepts, with their public keys. */
  trustedIssuers: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
  /** Remembers `iss` + `jti` so a grant is used once (RFC 7523 §3 (7)), until it expires. */
  replay: ReplayCache
  /** Set when the grant names its client: the `client_id` of the client that authenticated the request. */
  clientId?: string
  /** Default {@link CHAINING_GRANT_PROFILE}. */
  profile?: JwtGrantProfile
  /** Every check is recorded here, passed, failed or skipped; its `defencesOff` switches rules off. */
  log?: CheckLog
}

const LABELS: Record<GrantRule, (name: string) => string> = {
  format: (name) => `the ${name} is a compact JWS`,
  issuer: (name) => `the ${name}'s issuer is trusted`,
  typ: (name) => `the ${name}'s typ says what it is`,
  signature: (name) => `the ${name} verifies: signature, key and claims`,
  audience: (name) => `the ${name}'s aud is this AS's issuer`,
  not_yet_valid: (name) => `the ${name} is valid already (nbf)`,
  expired: (name) => `the ${name} has not expired`,
  client: (name) => `the ${name}'s client_id is the authenticated client`,
  replayed: (name) => `the ${name}'s jti is unused`,
  replay_cache_full: (name) => `the ${name}'s jti is unused`,
}

// The rule of the shared JWT verifier each grant rule answers for; the rest are the signature's.
const RULE_OF: Partial<Record<JwtRule, GrantRule>> = {
  typ: 'typ',
  aud: 'audience',
  nbf: 'not_yet_valid',
  exp: 'expired',
}

const normalTyp = (typ: unknown) =>
  typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : null

/** One grant's checks, through the one check recorder: each rule passes, refuses with its reason, or is skipped. */
function grantChecks(profile: JwtGrantProfile, log: CheckLog) {
  const record = checkRecorder(log)
  const rule = (grantRule: GrantRule) => ({
    label: LABELS[grantRule](profile.name),
    spec: profile.specs?.[grantRule] ?? REASONS[profile.reasons[grantRule]].spec,
  })
  const error = (grantRule: GrantRule, description: string): OAuthError => {
    const reason = profile.reasons[grantRule]
    const codes = REASONS[reason].codes as readonly string[]
    // Every refusal is `invalid_grant` (RFC 7523 §3.1) but a store that cannot promise single use (503).
    const code = codes.includes('invalid_grant') ? 'invalid_grant' : REASONS[reason].codes[0]
    return refusal({
      code,
      status: code === 'invalid_grant' ? 400 : REASONS[reason].status,
      reason,
      spec: rule(grantRule).spec,
      description,
      param: 'assertion',
    })
  }
  const refuse = (grantRule: GrantRule, description: string): Result<never> =>
    fail(record.refuse(rule(grantRule), error(grantRule, description), description))
  return {
    off: (grantRule: GrantRule) => isDefenceOff(log, profile.reasons[grantRule]),
    pass: (grantRule: GrantRule, detail?: string) => record.pass(rule(grantRule), detail),
    refuse,
    /** Refuses, unless this rule's defence is off: then records it skipped and answers null. */
    breach(grantRule: GrantRule, description: string): Result<never> | null {
      if (record.skipped(rule(grantRule), error(grantRule, description))) return null
      return refuse(grantRule, description)
    },
  }
}

/**
 * Checks a grant as RFC 7523 §3 lists, except single use: a compact JWS from a trusted issuer, typed as
 * the profile says, signed with that issuer's key, the required claims present, `aud` naming this server
 * (alone, when the profile says so), not before `nbf`, unexpired, and, when `clientId` is set, issued to
 * that client. Every refusal is `invalid_grant` (RFC 7523 §3.1) with the profile's reason. Issuer trust,
 * encoding and signature have no defence switch: a server without them has no key to go on with.
 * @see RFC 7523 §3, §3.1
 * @see draft-ietf-oauth-identity-chaining §2.4.2
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4.1
 */
export async function checkJwtGrant(assertion: string, rules: JwtGrantRules): Promise<Result<JWTPayload>> {
  const profile = rules.profile ?? CHAINING_GRANT_PROFILE
  const c = grantChecks(profile, rules.log ?? NO_CHECK_LOG)
  const read = readCompactJws(assertion, 'assertion')
  if (!read.ok) return c.refuse('format', read.failure.description)
  c.pass('format')

  // `iss` is read unverified only to pick keys; the signature check is what makes it true.
  const issuer = read.value.payload.iss
  const jwks = typeof issuer === 'string' ? rules.trustedIssuers[issuer] : undefined
  if (typeof issuer !== 'string' || jwks === undefined)
    return c.refuse('issuer', `assertion "iss" ${JSON.stringify(issuer ?? null)} is not a trusted issuer`)
  c.pass('issuer', issuer)

  const typ = read.value.header.typ
  let expectedTyp = profile.typ
  if (normalTyp(typ) !== normalTyp(profile.typ)) {
    const refused = c.breach(
      'typ',
      `assertion "typ" must be ${profile.typ}, not ${JSON.stringify(typ ?? null)}`,
    )
    if (refused) return refused
    if (typeof typ === 'string') expectedTyp = typ
  } else c.pass('typ', profile.typ)

  const audienceOff = c.off('audience')
  const verified = await verifyJwt(assertion, {
    name: 'assertion',
    typ: expectedTyp,
    issuer,
    // With its defence off, `aud` is compared below, where a mismatch is recorded as skipped.
    ...(audienceOff ? {} : { audience: rules.audience }),
    jwks,
    nowSeconds: rules.nowSeconds,
    requiredClaims: [...profile.requiredClaims],
    ...(c.off('expired') ? { defencesOff: new Set(['token.expired'] as const) } : {}),
  })
  if (!verified.ok)
    return c.refuse(RULE_OF[verified.failure.rule] ?? 'signature', verified.failure.description)
  c.pass('signature')
  const grant = verified.payload

  const audiences = Array.isArray(grant.aud) ? grant.aud : [grant.aud]
  if (!audiences.includes(rules.audience) || (profile.soleAudience && audiences.length !== 1)) {
    const refused = c.breach(
      'audience',
      `assertion "aud" must name ${rules.audience}${profile.soleAudience ? ' only' : ''}, not ${JSON.stringify(grant.aud ?? null)}`,
    )
    if (refused) return refused
  } else c.pass('audience', rules.audience)

  const expired = verified.skipped?.find((failure) => failure.rule === 'exp')
  if (expired) c.breach('expired', expired.description)
  else c.pass('expired', `exp ${String(grant.exp)}`)

  if (rules.clientId !== undefined) {
    if (grant.client_id !== rules.clientId) {
      const refused = c.breach(
        'client',
        `${profile.name} "client_id" ${String(grant.client_id)} is not the authenticated client ${rules.clientId}`,
      )
      if (refused) return refused
    } else c.pass('client', rules.clientId)
  }
  return ok(grant)
}

/**
 * Uses a checked grant up: its `iss` and `jti` are remembered until it can no longer pass the `exp`
 * check (leeway included), and a second use is refused. A store too full to promise single use refuses
 * with the profile's `replay_cache_full` reason: it fails closed. Callers run it last, so a refused
 * attempt does not use the grant up for its rightful holder.
 * @see RFC 7523 §3 (7)
 */
export async function spendJwtGrant(grant: JWTPayload, rules: JwtGrantRules): Promise<Result<JWTPayload>> {
  const profile = rules.profile ?? CHAINING_GRANT_PROFILE
  const c = grantChecks(profile, rules.log ?? NO_CHECK_LOG)
  // Never less than the leeway from now: a server with its `exp` defence off still remembers the jti.
  const expiresAt = Math.max(Number(grant.exp), rules.nowSeconds) + JWT_LEEWAY_SECONDS
  const key = `${profile.replayKeyPrefix} ${String(grant.iss)} ${String(grant.jti)}`
  const verdict = await rules.replay.checkAndRemember(key, expiresAt, rules.nowSeconds)
  if (verdict === 'full') {
    const refused = c.breach('replay_cache_full', 'The replay cache is full; retry later')
    if (refused) return refused
  } else if (verdict === 'replayed') {
    const refused = c.breach('replayed', `assertion "jti" ${String(grant.jti)} was already used`)
    if (refused) return refused
  } else c.pass('replayed', String(grant.jti))
  return ok(grant)
}

/**
 * Checks a grant ({@link checkJwtGrant}) and uses it up ({@link spendJwtGrant}), for servers with no
 * rule of their own to apply in between.
 * @see RFC 7523 §3
 */
export async function verifyJwtGrant(assertion: string, rules: JwtGrantRules): Promise<Result<JWTPayload>> {
  const checked = await checkJwtGrant(assertion, rules)
  return checked.ok ? spendJwtGrant(checked.value, rules) : checked
}
