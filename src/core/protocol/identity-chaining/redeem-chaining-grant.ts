// Domain B's side: accept domain A's JWT authorization grant (RFC 7523) and mint an access token for B's RS.
import type { JWK } from 'jose'
import type { ActorProfilePolicy } from '../actor-profile/check-actor-profile.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { JwtBearerRequest } from '../jwt-bearer/jwt-bearer-request.ts'
import { verifyJwtGrant, type JwtGrantRules } from '../jwt-bearer/verify-jwt-grant.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import type { DefencesOff } from '../trace/defence-switch.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import { IDENTITY_CHAINING_DRAFT as DRAFT } from './chaining-spec.ts'
import { checkHopProfile, hopLog, keepActChain, narrowAtHop } from './hop-rules.ts'
import { formatScope, parseScope } from '../tokens/scope.ts'

export interface RedeemContext {
  /** Domain B's AS issuer identifier: the grant's `aud` must name it. */
  issuer: string
  signingKey: SigningKey
  /** Domain A's AS and its keys: the issuers B has a trust relationship with (§2.4.2). */
  trustedIssuers: Readonly<Record<string, { keys: JWK[] }>>
  replay: JwtGrantRules['replay']
  nowSeconds: number
  /** B's resource server: the issued token's `aud`. */
  resourceAudience: string
  /** Scopes B's RS offers; the token never carries more than the grant and these. */
  scopes: string[]
  /** Subjects B can identify, as the grant names them → B's own identifier (§2.4.2: deny if unknown). */
  subjects: Readonly<Record<string, string>>
  maxTtl: number
  actorProfile: ActorProfilePolicy | null
  /** Identity in a correct server; the page swaps in a splicing one to show the continuity check. */
  transcribeAct?: (act: unknown) => unknown
  /**
   * The playground's "Defence on" switches turned off (`chain.grant_audience_mismatch`,
   * `chain.grant_replayed`, `chain.scope_widened`, `chain.act_spliced`); the sandbox never sets it.
   */
  defencesOff?: DefencesOff
}

export interface RedeemedToken {
  accessToken: string
  expiresIn: number
  scope: string[]
  claims: Record<string, unknown>
}

const sectionRef = (section: string) => ({ doc: DRAFT, section })

/**
 * Validates the grant as RFC 7523 §3 and the draft's §2.4.2 require, keeps the requested scope inside
 * the grant's, maps the subject into domain B, keeps `act` as the grant carried it, and mints a
 * short-lived RFC 9068 access token for B's resource server.
 * @see draft-ietf-oauth-identity-chaining-16 §2.4.1, §2.4.2, §2.4.3, §2.5
 * @see RFC 7523 §3
 */
export async function redeemChainingGrant(
  request: JwtBearerRequest,
  ctx: RedeemContext,
): Promise<Decision<RedeemedToken>> {
  const r = decisionRecorder()
  const log = hopLog(r, ctx.defencesOff)
  // The verifier records each RFC 7523 rule it applies, passed, refused or skipped, into the decision.
  const verified = await verifyJwtGrant(request.assertion, {
    audience: ctx.issuer,
    trustedIssuers: ctx.trustedIssuers,
    nowSeconds: ctx.nowSeconds,
    replay: ctx.replay,
    log,
  })
  if (!verified.ok) return { ok: false, error: verified.error, checks: r.checks }
  const grant = verified.value as Record<string, unknown>

  const sub = ctx.subjects[String(grant.sub)]
  if (sub === undefined)
    return r.refuse(
      'the grant’s subject is known in this domain',
      refusal({
        code: 'invalid_grant',
        status: 400,
        reason: 'chain.unknown_subject',
        spec: sectionRef('2.4.2'),
        description: `assertion "sub" ${String(grant.sub)} is not known in this domain`,
        param: 'assertion',
      }),
    )
  r.pass('the grant’s subject is known in this domain', sectionRef('2.5'), `${String(grant.sub)} → ${sub}`)

  const narrowed = narrowAtHop(r, log, {
    requested: request.scope,
    held: parseScope(grant.scope),
    offered: ctx.scopes,
    label: 'scope within the grant',
    from: 'in the grant',
  })
  if (!narrowed.ok) return narrowed.decision
  const { scope } = narrowed

  const act = (ctx.transcribeAct ?? ((value) => value))(grant.act)
  const spliced = keepActChain(r, log, grant.act, act, 'invalid_grant')
  if (spliced) return spliced

  const actObject = typeof act === 'object' && act !== null ? (act as Record<string, unknown>) : null
  const profile = checkHopProfile(
    r,
    { sub, ...(actObject ? { act: actObject } : {}) },
    ctx.actorProfile,
    '4.2',
  )
  if (profile) return profile

  const expiresIn = ctx.maxTtl
  const accessToken = await mintDelegatedToken(ctx.signingKey, {
    issuer: ctx.issuer,
    sub,
    clientId: typeof grant.client_id === 'string' ? grant.client_id : String(grant.iss),
    aud: [ctx.resourceAudience],
    scope,
    iat: ctx.nowSeconds,
    ttl: expiresIn,
    act: actObject,
    jkt: null,
    amr: undefined,
  })
  r.pass('access token minted for B’s resource server', sectionRef('2.4.3'), ctx.resourceAudience)
  return r.accept({
    accessToken,
    expiresIn,
    scope,
    claims: { sub, scope: formatScope(scope), act: actObject },
  })
}
