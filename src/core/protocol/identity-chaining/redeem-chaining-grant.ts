// Domain B's side: accept domain A's JWT authorization grant (RFC 7523) and mint an access token for B's RS.
import type { JWK } from 'jose'
import { actorProfileRefusal } from '../actor-profile/actor-profile-rules.ts'
import {
  checkActorProfile,
  firstProfileFailure,
  type ActorProfilePolicy,
} from '../actor-profile/check-actor-profile.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { JwtBearerRequest } from '../jwt-bearer/jwt-bearer-request.ts'
import { verifyJwtGrant, type JwtGrantRules } from '../jwt-bearer/verify-jwt-grant.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import { IDENTITY_CHAINING_DRAFT as DRAFT } from './chaining-spec.ts'
import { compareActChains, describeSplice } from './compare-act-chains.ts'
import { parseScope } from '../tokens/scope.ts'

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
  const verified = await verifyJwtGrant(request.assertion, {
    audience: ctx.issuer,
    trustedIssuers: ctx.trustedIssuers,
    nowSeconds: ctx.nowSeconds,
    replay: ctx.replay,
  })
  if (!verified.ok) return r.refuse('the grant is valid, for this AS, and unused', verified.error)
  const grant = verified.value as Record<string, unknown>
  r.pass('the grant is valid, for this AS, and unused', { doc: 'RFC 7523', section: '3' }, String(grant.jti))

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

  const held = parseScope(grant.scope)
  const scope = request.scope ?? held.filter((s) => ctx.scopes.includes(s))
  const widened = scope.filter((s) => !held.includes(s) || !ctx.scopes.includes(s))
  if (widened.length > 0 || scope.length === 0)
    return r.refuse(
      'scope within the grant',
      refusal({
        code: 'invalid_scope',
        status: 400,
        reason: 'chain.scope_widened',
        spec: sectionRef('2.5'),
        description:
          widened.length > 0 ? `"scope" ${widened.join(' ')} is not in the grant` : 'no scope left to grant',
        param: 'scope',
      }),
    )
  r.pass('scope within the grant', sectionRef('2.5'), scope.join(' '))

  const act = (ctx.transcribeAct ?? ((value) => value))(grant.act)
  const continuity = compareActChains(grant.act, act)
  if (!continuity.same)
    return r.refuse(
      'act survives the hop unchanged',
      refusal({
        code: 'invalid_grant',
        status: 400,
        reason: 'chain.act_spliced',
        spec: sectionRef('2.5'),
        description: `act chain changed between hops: ${describeSplice(continuity)}`,
      }),
    )
  r.pass('act survives the hop unchanged', sectionRef('2.5'))

  const actObject = typeof act === 'object' && act !== null ? (act as Record<string, unknown>) : null
  if (ctx.actorProfile !== null) {
    const failed = firstProfileFailure(
      checkActorProfile({ sub, ...(actObject ? { act: actObject } : {}) }, ctx.actorProfile),
    )
    if (failed) return r.refuse(failed.label, actorProfileRefusal(failed))
    r.pass('act follows the actor profile', {
      doc: 'draft-mcguinness-oauth-actor-profile-00',
      section: '4.2',
    })
  }

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
  return r.accept({ accessToken, expiresIn, scope, claims: { sub, scope: scope.join(' '), act: actObject } })
}
