// The IdP's decision on a token exchange for an ID-JAG: client, ID token, sign-in age, policy, targets, scope.
import type { JWK } from 'jose'
import { REASONS, type Reason } from '../errors/reasons.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { TOKEN_TYPE } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { authenticateSpiffeClient, type SpiffeClient } from './authenticate-spiffe-client.ts'
import { findIdJagGrant, type IdJagPolicy } from './id-jag-policy.ts'
import { ID_JAG, ID_TOKEN_TYP } from './id-jag-names.ts'
import type { IdJagClaims } from './mint-id-jag.ts'
import { accept, xaaError, type XaaResult } from './xaa-error.ts'
import { xaaChecks } from './xaa-checks.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { parseScopeParam } from '../tokens/scope.ts'

export interface IdJagExchangeContext {
  /** The IdP's issuer: `iss` of ID tokens and ID-JAGs, `aud` of client assertions. */
  issuer: string
  policy: IdJagPolicy
  /** The IdP's public keys, which signed the ID token. */
  idpJwks: { keys: JWK[] }
  /** Workload issuers trusted for client assertions, with their keys. */
  workloadIssuers: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
  /** Thumbprint of a verified DPoP proof sent with the request: the ID-JAG is then bound to it (§8.4.1). */
  jkt: string | null
  /** Where every check is recorded; its `defencesOff` are the page's "Defence on" switches. */
  log?: CheckLog
}

/** An accepted exchange: the ID-JAG's claims, and who asked. */
export interface IdJagExchangeDecision {
  client: SpiffeClient
  claims: IdJagClaims
}

const text = (params: BodyParams, name: string): string | null =>
  typeof params[name] === 'string' ? (params[name] as string) : null
const spec = (reason: Reason) => REASONS[reason].spec

/**
 * Decides an ID-JAG request (the grant type is already token exchange). The agent authenticates with its
 * JWT-SVID; the ID token must be the IdP's own, issued to that agent (§4.3.3), from a sign-in recent
 * enough for policy (else `insufficient_user_authentication`, §8.2); policy must let this agent reach this
 * resource AS for this user, the `resource` must belong to that AS (MCP EMA §7.6.1), and the scope must
 * be within the rule. Nothing is minted here. Every check is recorded in `ctx.log`; with the step-up
 * defence off (`idp.id_token_too_old`) a stale sign-in is let through, as a vulnerable IdP would.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3, §4.3.3, §8.2
 * @see RFC 8693 §2.1
 */
export async function decideIdJagExchange(
  params: BodyParams,
  ctx: IdJagExchangeContext,
): Promise<XaaResult<IdJagExchangeDecision>> {
  const { policy, nowSeconds } = ctx
  const c = xaaChecks(ctx.log)
  const no = (label: string, reason: Reason, description: string, param: string) =>
    c.refuse<IdJagExchangeDecision>(label, xaaError(reason, description, param))
  const TYPE = 'requested_token_type is the ID-JAG'
  if (text(params, 'requested_token_type') !== ID_JAG.tokenType)
    return no(
      TYPE,
      'idp.requested_token_type',
      `"requested_token_type" must be ${ID_JAG.tokenType}`,
      'requested_token_type',
    )
  c.pass(TYPE, spec('idp.requested_token_type'), ID_JAG.tokenType)

  const client = await authenticateSpiffeClient(
    params,
    {
      audience: ctx.issuer,
      trustedIssuers: ctx.workloadIssuers,
      clients: policy.clients,
      nowSeconds,
    },
    c.log,
  )
  if (!client.ok) return client

  const SUBJECT = 'the subject token is an ID token'
  const subjectToken = text(params, 'subject_token')
  if (subjectToken === null)
    return no(SUBJECT, 'idp.subject_token_missing', '"subject_token" is required', 'subject_token')
  if (text(params, 'subject_token_type') !== TOKEN_TYPE.idToken)
    return no(
      SUBJECT,
      'idp.subject_token_type',
      `"subject_token_type" must be ${TOKEN_TYPE.idToken}`,
      'subject_token_type',
    )
  c.pass(SUBJECT, spec('idp.subject_token_type'), TOKEN_TYPE.idToken)
  // §4.3.3: the ID token's audience must be the client that authenticated this request.
  const ID_TOKEN = "the ID token is this IdP's own, issued to this client"
  const idToken = await verifyJwt(subjectToken, {
    name: 'subject_token',
    typ: ID_TOKEN_TYP,
    issuer: ctx.issuer,
    audience: client.value.clientId,
    jwks: ctx.idpJwks,
    nowSeconds,
  })
  if (!idToken.ok) {
    const reason = idToken.failure.rule === 'aud' ? 'idp.id_token_audience' : 'idp.id_token_invalid'
    return no(ID_TOKEN, reason, idToken.failure.description, 'subject_token')
  }
  const user = String(idToken.payload.sub)
  c.pass(ID_TOKEN, spec('idp.id_token_invalid'), user)

  const RECENT = 'the sign-in is recent enough for policy'
  const authTime = idToken.payload.auth_time
  const age = typeof authTime === 'number' ? nowSeconds - authTime : Infinity
  if (age > policy.maxIdTokenAgeSeconds) {
    const refused = c.breach<IdJagExchangeDecision>(
      RECENT,
      xaaError(
        'idp.id_token_too_old',
        typeof authTime === 'number'
          ? `The sign-in is ${age} s old; policy allows ${policy.maxIdTokenAgeSeconds} s`
          : 'The ID token has no "auth_time"',
        'subject_token',
      ),
    )
    if (refused) return refused
  } else c.pass(RECENT, spec('idp.id_token_too_old'), `${age} s ≤ ${policy.maxIdTokenAgeSeconds} s`)

  const POLICY = 'policy lets this agent reach that resource AS for this user'
  const audience = text(params, 'audience')
  if (audience === null) return no(POLICY, 'idp.audience_missing', '"audience" is required', 'audience')
  const rule = findIdJagGrant(policy, client.value.spiffeId, user, audience)
  if (!rule)
    return no(
      POLICY,
      'idp.audience_not_allowed',
      `${client.value.spiffeId} may not get a grant to ${audience} for ${user}`,
      'audience',
    )
  c.pass(POLICY, spec('idp.audience_not_allowed'), audience)
  const RESOURCE = 'the resource belongs to that resource AS'
  const resource = text(params, 'resource')
  if (resource !== null && !rule.resources.includes(resource))
    return no(
      RESOURCE,
      'idp.resource_not_allowed',
      `"resource" ${resource} is not governed by ${audience}`,
      'resource',
    )
  if (resource !== null) c.pass(RESOURCE, spec('idp.resource_not_allowed'), resource)

  const SCOPE = 'the scope is within what policy grants'
  const requested = parseScopeParam(text(params, 'scope')) ?? rule.scopes
  const beyond = requested.filter((scope) => !rule.scopes.includes(scope))
  if (beyond.length > 0)
    return no(
      SCOPE,
      'idp.scope_not_granted',
      `Scope "${beyond.join(' ')}" is not granted for ${audience}`,
      'scope',
    )
  c.pass(SCOPE, spec('idp.scope_not_granted'), requested.join(' '))

  return accept({
    client: client.value,
    claims: {
      iss: ctx.issuer,
      sub: user,
      aud: audience,
      clientId: rule.clientIdAtResourceAs,
      iat: nowSeconds,
      ttl: policy.idJagTtl,
      resource: resource ?? rule.resources[0] ?? null,
      scope: requested,
      amr: Array.isArray(idToken.payload.amr) ? idToken.payload.amr.map(String) : null,
      authTime: typeof authTime === 'number' ? authTime : null,
      jkt: ctx.jkt,
    },
  })
}
