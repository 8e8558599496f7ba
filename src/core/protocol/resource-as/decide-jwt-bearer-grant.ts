// The resource AS's decision on a JWT bearer grant carrying an ID-JAG: every rule of draft §4.4.1, then scope.
import type { JWK, JWTPayload } from 'jose'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { REASONS } from '../errors/reasons.ts'
import { specRef } from '../errors/spec-ref.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { authenticateSpiffeClient, type SpiffeClient } from '../id-jag/authenticate-spiffe-client.ts'
import { ID_JAG_GRANT_PROFILE } from '../id-jag/id-jag-grant-profile.ts'
import { xaaChecks } from '../id-jag/xaa-checks.ts'
import { accept, xaaError, type XaaResult } from '../id-jag/xaa-error.ts'
import { parseJwtBearerRequest } from '../jwt-bearer/jwt-bearer-request.ts'
import { checkJwtGrant, spendJwtGrant, type JwtGrantRules } from '../jwt-bearer/verify-jwt-grant.ts'
import { parseScope } from '../tokens/scope.ts'
import type { CheckLog } from '../trace/check-log.ts'
import type { ResourceAsPolicy } from './resource-as-policy.ts'

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
  /** Where every check is recorded; its `defencesOff` are the page's "Defence on" switches. */
  log?: CheckLog
}

/** An accepted grant: whom the access token is for, which client, where and with what. */
export interface JwtBearerDecision {
  client: SpiffeClient
  grant: JWTPayload
  resource: string
  scope: string[]
}

/**
 * Decides a token request at the resource AS: `grant_type` jwt-bearer, the agent authenticated by its
 * JWT-SVID, then the ID-JAG through the shared RFC 7523 verifier (`typ` `oauth-id-jag+jwt`, a trusted
 * issuer's signature, `aud` exactly this issuer, not expired, `client_id` the authenticated client), then
 * `resource` one this AS governs, `cnf.jkt` matching the DPoP key when bound, no scope beyond the grant's,
 * and last `jti` never seen before. Every check is recorded in `ctx.log`.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4, §4.4.1, §8.4.2
 * @see RFC 7523 §2.1, §3
 */
export async function decideJwtBearerGrant(
  params: BodyParams,
  ctx: JwtBearerContext,
): Promise<XaaResult<JwtBearerDecision>> {
  const c = xaaChecks(ctx.log)
  const REQUEST = 'the request is a JWT bearer grant with one assertion'
  const request = parseJwtBearerRequest(params)
  if (!request.ok) return c.refuse(REQUEST, request.error)
  c.pass(REQUEST, specRef('RFC 7523', '2.1'))
  const { assertion } = request.value
  const client = await authenticateSpiffeClient(
    params,
    {
      audience: ctx.issuer,
      trustedIssuers: ctx.workloadIssuers,
      clients: ctx.policy.clients,
      nowSeconds: ctx.nowSeconds,
    },
    c.log,
  )
  if (!client.ok) return client

  const rules: JwtGrantRules = {
    audience: ctx.issuer,
    trustedIssuers: ctx.trustedIdps,
    nowSeconds: ctx.nowSeconds,
    replay: ctx.replay,
    clientId: client.value.clientId,
    profile: ID_JAG_GRANT_PROFILE,
    log: c.log,
  }
  const checked = await checkJwtGrant(assertion, rules)
  if (!checked.ok) return checked
  const grant = checked.value

  const RESOURCE = "the ID-JAG's resource is one this AS governs"
  const resource = typeof grant.resource === 'string' ? grant.resource : null
  const governed = ctx.policy.resources.find((known) => known.resource === resource)
  if (!governed)
    return c.refuse(
      RESOURCE,
      xaaError(
        'id_jag.unknown_resource',
        `ID-JAG "resource" ${String(resource)} is not a resource of this authorization server`,
        'assertion',
      ),
    )
  c.pass(RESOURCE, REASONS['id_jag.unknown_resource'].spec, governed.resource)
  const KEY = "the request proves the ID-JAG's DPoP key (cnf.jkt)"
  const cnf = grant.cnf as { jkt?: unknown } | undefined
  if (cnf !== undefined && cnf.jkt !== ctx.jkt)
    return c.refuse(
      KEY,
      xaaError(
        'id_jag.key_mismatch',
        'ID-JAG is bound to a DPoP key ("cnf.jkt") this request does not prove',
        'assertion',
      ),
    )
  if (cnf !== undefined) c.pass(KEY, REASONS['id_jag.key_mismatch'].spec, String(cnf.jkt))

  const SCOPE = "the scope asked is within the ID-JAG's"
  const granted = parseScope(grant.scope)
  const requested = request.value.scope ?? granted
  const widened = requested.filter((scope) => !granted.includes(scope) || !governed.scopes.includes(scope))
  if (widened.length > 0) {
    const refused = c.breach<JwtBearerDecision>(
      SCOPE,
      xaaError(
        'id_jag.scope_widened',
        `Scope "${widened.join(' ')}" is beyond the ID-JAG's "${granted.join(' ')}"`,
        'scope',
      ),
    )
    if (refused) return refused
  } else c.pass(SCOPE, REASONS['id_jag.scope_widened'].spec, requested.join(' '))

  // Last, so that a refused attempt does not use the grant up for its rightful holder.
  const spent = await spendJwtGrant(grant, rules)
  if (!spent.ok) return spent
  return accept({ client: client.value, grant, resource: governed.resource, scope: requested })
}
