// The resource AS's decision on a JWT bearer grant carrying an ID-JAG: every rule of draft §4.4.1, then scope.
import type { JWK, JWTPayload } from 'jose'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import type { Reason } from '../errors/reasons.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { authenticateSpiffeClient, type SpiffeClient } from '../id-jag/authenticate-spiffe-client.ts'
import { ID_JAG, JWT_BEARER_GRANT } from '../id-jag/id-jag-names.ts'
import { accept, refuse, xaaError, type XaaResult } from '../id-jag/xaa-error.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { JWT_LEEWAY_SECONDS, verifyJwt } from '../tokens/verify-jwt.ts'
import type { ResourceAsPolicy } from './resource-as-policy.ts'
import { parseScope, parseScopeParam } from '../tokens/scope.ts'

export interface JwtBearerContext {
  /** This AS's issuer: the ID-JAG's `aud` and the client assertion's `aud`. */
  issuer: string
  policy: ResourceAsPolicy
  /** IdPs trusted to issue ID-JAGs (trusted for SSO), with their keys. */
  trustedIdps: Readonly<Record<string, { keys: JWK[] }>>
  workloadIssuers: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
  /** Single use of `jti` (RFC 7523 §3 item 7, MCP EMA §7.4.2). */
  replay: ReplayCache
  /** Thumbprint of a verified DPoP proof sent with the request, or null. */
  jkt: string | null
}

/** An accepted grant: whom the access token is for, which client, where and with what. */
export interface JwtBearerDecision {
  client: SpiffeClient
  grant: JWTPayload
  resource: string
  scope: string[]
}

const text = (params: BodyParams, name: string): string | null =>
  typeof params[name] === 'string' ? (params[name] as string) : null
const invalidGrant = (reason: Reason, description: string) =>
  refuse<JwtBearerDecision>(xaaError(reason, description, 'assertion'))

/**
 * Decides a token request at the resource AS: `grant_type` jwt-bearer, the agent authenticated by its
 * JWT-SVID, then the ID-JAG: `typ` `oauth-id-jag+jwt`, a trusted issuer's signature, `aud` exactly this
 * issuer, not expired, `client_id` the authenticated client, `resource` one this AS governs, `cnf.jkt`
 * matching the DPoP key when bound, `jti` never seen before, and no scope beyond the grant's.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4, §4.4.1, §8.4.2
 * @see RFC 7523 §2.1, §3
 */
export async function decideJwtBearerGrant(
  params: BodyParams,
  ctx: JwtBearerContext,
): Promise<XaaResult<JwtBearerDecision>> {
  if (text(params, 'grant_type') !== JWT_BEARER_GRANT)
    return refuse(xaaError('jwt_bearer.grant_type', `"grant_type" must be ${JWT_BEARER_GRANT}`, 'grant_type'))
  const client = await authenticateSpiffeClient(params, {
    audience: ctx.issuer,
    trustedIssuers: ctx.workloadIssuers,
    clients: ctx.policy.clients,
    nowSeconds: ctx.nowSeconds,
  })
  if (!client.ok) return client

  const assertion = text(params, 'assertion')
  if (assertion === null)
    return refuse(xaaError('jwt_bearer.assertion_missing', '"assertion" is required', 'assertion'))
  const read = readCompactJws(assertion, 'assertion')
  if (!read.ok) return invalidGrant('id_jag.invalid', read.failure.description)
  if (read.value.header.typ !== ID_JAG.typ)
    return invalidGrant(
      'id_jag.typ',
      `assertion "typ" must be ${ID_JAG.typ}, not ${JSON.stringify(read.value.header.typ ?? null)}`,
    )
  // `iss` is read unverified only to pick keys; the signature check below is what makes it true.
  const claimed = typeof read.value.payload.iss === 'string' ? read.value.payload.iss : ''
  const jwks = ctx.trustedIdps[claimed]
  if (jwks === undefined)
    return invalidGrant('id_jag.untrusted_issuer', `ID-JAG issuer "${claimed}" is not trusted here`)

  const verified = await verifyJwt(assertion, {
    name: 'assertion',
    typ: ID_JAG.typ,
    issuer: claimed,
    audience: ctx.issuer,
    jwks,
    nowSeconds: ctx.nowSeconds,
    requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
  })
  if (!verified.ok) {
    const rule = verified.failure.rule
    const reason =
      rule === 'aud' ? 'id_jag.audience_mismatch' : rule === 'exp' ? 'id_jag.expired' : 'id_jag.invalid'
    return invalidGrant(reason, verified.failure.description)
  }
  const grant = verified.payload
  // §4.4.1: an array `aud` must hold exactly one element, this issuer.
  if (Array.isArray(grant.aud) && grant.aud.length !== 1)
    return invalidGrant('id_jag.audience_mismatch', 'ID-JAG "aud" must name this authorization server only')
  if (grant.client_id !== client.value.clientId)
    return invalidGrant(
      'id_jag.client_mismatch',
      `ID-JAG "client_id" ${String(grant.client_id)} is not the authenticated client ${client.value.clientId}`,
    )

  const resource = typeof grant.resource === 'string' ? grant.resource : null
  const governed = ctx.policy.resources.find((known) => known.resource === resource)
  if (!governed)
    return invalidGrant(
      'id_jag.unknown_resource',
      `ID-JAG "resource" ${String(resource)} is not a resource of this authorization server`,
    )
  const cnf = grant.cnf as { jkt?: unknown } | undefined
  if (cnf !== undefined && cnf.jkt !== ctx.jkt)
    return invalidGrant(
      'id_jag.key_mismatch',
      'ID-JAG is bound to a DPoP key ("cnf.jkt") this request does not prove',
    )

  const granted = parseScope(grant.scope)
  const requested = parseScopeParam(text(params, 'scope')) ?? granted
  const widened = requested.filter((scope) => !granted.includes(scope) || !governed.scopes.includes(scope))
  if (widened.length > 0)
    return refuse(
      xaaError(
        'id_jag.scope_widened',
        `Scope "${widened.join(' ')}" is beyond the ID-JAG's "${granted.join(' ')}"`,
        'scope',
      ),
    )

  // Last, so that a refused attempt does not use the grant up for its rightful holder.
  // Remembered until the grant can no longer be accepted (its `exp` plus the verifier's leeway). A store
  // too full to promise single use refuses like a replay: it fails closed.
  const verdict = await ctx.replay.checkAndRemember(
    `id-jag ${claimed} ${String(grant.jti)}`,
    Number(grant.exp) + JWT_LEEWAY_SECONDS,
    ctx.nowSeconds,
  )
  if (verdict !== 'fresh')
    return invalidGrant('id_jag.replayed', `ID-JAG "jti" ${String(grant.jti)} was already used`)

  return accept({ client: client.value, grant, resource: governed.resource, scope: requested })
}
