// Domain A's side: exchange a delegated token for a JWT authorization grant naming domain B's AS.
import { SignJWT, type JWK } from 'jose'
import type { ActorProfilePolicy } from '../actor-profile/check-actor-profile.ts'
import { refusal } from '../errors/reasoned-error.ts'
import { JWT_GRANT_TYP } from '../jwt-bearer/verify-jwt-grant.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { isDefenceOff, type DefencesOff } from '../trace/defence-switch.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import { IDENTITY_CHAINING_DRAFT as DRAFT } from './chaining-spec.ts'
import { checkHopProfile, hopLog, keepActChain, narrowAtHop } from './hop-rules.ts'
import { spliceActor } from './splice-actor.ts'
import { formatScope, parseScope } from '../tokens/scope.ts'

/** An authorization server in another trust domain that domain A issues grants for. */
export interface PeerDomain {
  /** Its issuer identifier (RFC 8414 §2): the grant's `aud`, and the `resource` that names it. */
  issuer: string
  /** Logical names accepted in `audience` for it (RFC 8693 §2.1). */
  names: string[]
  /** The scopes a grant for it may carry. */
  scopes: string[]
  /** How a subject of domain A is known there (claims transcription); unmapped subjects keep their form. */
  subjects: Readonly<Record<string, string>>
}

export interface ChainingGrantRequest {
  subjectToken: string
  audience: string | null
  resource: string | null
  scope: string[] | null
  /** An `actor_token` on a chaining hop would add an actor to the chain: refused. */
  actorToken: string | null
}

export interface ChainingGrantContext {
  issuer: string
  signingKey: SigningKey
  /** Domain A's keys, which signed the subject token. */
  jwks: { keys: JWK[] }
  peers: PeerDomain[]
  nowSeconds: number
  /** Grant lifetime in seconds; the draft asks for short-lived grants (§5.5). */
  grantTtl: number
  /** When set, the grant's `act` must follow the actor profile. */
  actorProfile: ActorProfilePolicy | null
  /**
   * How this AS copies `act` into the grant. Always the identity in a correct server; the page swaps in
   * a splicing one to show what the continuity check catches.
   */
  transcribeAct?: (act: unknown) => unknown
  /**
   * The playground's "Defence on" switches turned off (`chain.act_spliced`, `chain.scope_widened`); the
   * sandbox never sets it.
   */
  defencesOff?: DefencesOff
  /**
   * Workload issuers and their keys: read only by a server with the `chain.act_spliced` defence off,
   * which takes an `actor_token` on a hop and adds its actor to the chain.
   */
  actorIssuers?: Readonly<Record<string, { keys: JWK[] }>>
}

export interface ChainingGrant {
  grant: string
  claims: Record<string, unknown>
  peer: PeerDomain
  expiresIn: number
}

const sectionRef = (section: string) => ({ doc: DRAFT, section })

/**
 * Verifies the subject token (domain A's own access token), finds domain B's AS from `audience` or
 * `resource`, narrows scope, transcribes `sub` and copies `act` unchanged, then signs a short-lived grant
 * whose `aud` is exactly B's issuer.
 * @see draft-ietf-oauth-identity-chaining-16 §2.3.1, §2.3.2, §2.3.3, §2.5
 */
export async function issueChainingGrant(
  request: ChainingGrantRequest,
  ctx: ChainingGrantContext,
): Promise<Decision<ChainingGrant>> {
  const r = decisionRecorder()
  const log = hopLog(r, ctx.defencesOff)
  // A server with this defence off takes the actor token; the continuity check below then skips.
  const splicing = request.actorToken !== null && isDefenceOff(log, 'chain.act_spliced')
  if (request.actorToken !== null && !splicing)
    return r.refuse(
      'a chaining hop carries the act chain as it is',
      refusal({
        code: 'invalid_request',
        status: 400,
        reason: 'chain.act_spliced',
        spec: sectionRef('2.5'),
        description: '"actor_token" would add an actor between hops; the grant carries the chain unchanged',
        param: 'actor_token',
      }),
    )

  const subject = await verifyJwt(request.subjectToken, {
    name: 'subject_token',
    typ: JWT_TYP.accessToken,
    issuer: ctx.issuer,
    jwks: ctx.jwks,
    nowSeconds: ctx.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat'],
  })
  if (!subject.ok)
    return r.refuse(
      'subject_token verifies as domain A’s own access token',
      refusal({
        code: 'invalid_request',
        status: 400,
        reason: 'chain.subject_token_invalid',
        spec: { doc: 'RFC 8693', section: '2.2.2' },
        description: subject.failure.description,
        param: 'subject_token',
      }),
    )
  const claims = subject.payload as Record<string, unknown>
  r.pass(
    'subject_token verifies as domain A’s own access token',
    { doc: 'RFC 8693', section: '2.1' },
    String(claims.sub),
  )

  const peer = ctx.peers.find(
    (p) =>
      (request.resource !== null && p.issuer === request.resource) ||
      (request.audience !== null && (p.issuer === request.audience || p.names.includes(request.audience))),
  )
  const target = request.resource ?? request.audience
  if (peer === undefined || target === null)
    return r.refuse(
      'audience/resource names a trusted domain’s authorization server',
      refusal({
        code: 'invalid_target',
        status: 400,
        reason: 'chain.unknown_domain',
        spec: sectionRef('2.3.2'),
        description: `${target === null ? '"audience" or "resource" is required' : `"${target}" is not an authorization server this domain chains to`}`,
        param: request.resource !== null ? 'resource' : 'audience',
      }),
    )
  r.pass('audience/resource names a trusted domain’s authorization server', sectionRef('2.3.1'), peer.issuer)

  const narrowed = narrowAtHop(r, log, {
    requested: request.scope,
    held: parseScope(claims.scope),
    offered: peer.scopes,
    label: 'grant scope within the subject token and the peer’s allowance',
    from: `held for ${peer.issuer}`,
  })
  if (!narrowed.ok) return narrowed.decision
  const { scope } = narrowed

  let act = (ctx.transcribeAct ?? ((value) => value))(claims.act)
  if (splicing) {
    const spliced = await spliceActor(request.actorToken!, act, {
      issuers: ctx.actorIssuers ?? {},
      audience: ctx.issuer,
      nowSeconds: ctx.nowSeconds,
    })
    if (!spliced.ok) return r.refuse('actor_token verifies (a vulnerable server takes it)', spliced.error)
    act = spliced.value
  }
  const broken = keepActChain(r, log, claims.act, act, 'invalid_request')
  if (broken) return broken

  const sub = peer.subjects[String(claims.sub)] ?? String(claims.sub)
  const expiresIn = Math.min(ctx.grantTtl, Number(claims.exp) - ctx.nowSeconds)
  const grantClaims: Record<string, unknown> = {
    sub,
    scope: formatScope(scope),
    ...(typeof claims.client_id === 'string' ? { client_id: claims.client_id } : {}),
    ...(act === undefined ? {} : { act }),
  }
  const profile = checkHopProfile(r, grantClaims, ctx.actorProfile, '4.1')
  if (profile) return profile
  const grant = await new SignJWT(grantClaims)
    .setProtectedHeader({ alg: ctx.signingKey.alg, typ: JWT_GRANT_TYP, kid: ctx.signingKey.kid })
    .setIssuer(ctx.issuer)
    .setAudience(peer.issuer)
    .setIssuedAt(ctx.nowSeconds)
    .setExpirationTime(ctx.nowSeconds + expiresIn)
    .setJti(crypto.randomUUID())
    .sign(ctx.signingKey.privateKey)
  r.pass('grant aud is exactly the peer authorization server', sectionRef('2.3.3'), `${sub} → ${peer.issuer}`)
  return r.accept({ grant, claims: { ...grantClaims, iss: ctx.issuer, aud: peer.issuer }, peer, expiresIn })
}
