// Domain B's resource server: accepts only B's own access tokens and writes an audit line naming user and agent.
import { decodeJwt, type JWK, type JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import { refusal, type SpecRef } from '../errors/reasoned-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { OAuthError } from '../errors/oauth-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { parseAuthorization } from '../resource-server/parse-authorization.ts'
import { resourceAuditEvent } from '../resource-server/resource-audit-event.ts'
import { verifyAccessToken } from '../resource-server/verify-access-token.ts'
import { RS_CHECKS } from '../resource-server/resource-checks.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff, withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { IDENTITY_CHAINING_DRAFT } from './chaining-spec.ts'
import { parseScope } from '../tokens/scope.ts'

export interface ChainedResourceServerOptions {
  /** Domain B's AS: the only issuer whose tokens count here. */
  issuer: string
  jwks: { keys: JWK[] }
  audience: string
  /** The scope every request needs. */
  scope: string
  clock: Clock
  audit: (event: AuditEvent, error: OAuthError | null) => void
  /** Where each check goes, passed or failed, so the checks pane shows what B's API verified. */
  log?: CheckLog
  /** The playground's "Defence on" switches turned off (`chain.foreign_token`); the sandbox never sets it. */
  defencesOff?: DefencesOff
  /**
   * Issuers of other domains and their keys (the ones B's AS trusts for grants): read only by a server
   * with the `chain.foreign_token` defence off, which then takes their access tokens as its own.
   */
  peerIssuers?: Readonly<Record<string, { keys: JWK[] }>>
}

const RFC_6750_3_1: SpecRef = { doc: 'RFC 6750', section: '3.1' }

const OWN_ISSUER = {
  label: 'the access token’s iss is this domain’s AS',
  spec: `${IDENTITY_CHAINING_DRAFT} §2.3.3`,
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** `iss` and the first `aud`, read unverified: only to pick keys, and for a vulnerable server's shortcut. */
function peek(token: string): { iss: string | null; aud: string | null } {
  try {
    const { iss, aud } = decodeJwt(token)
    return { iss: typeof iss === 'string' ? iss : null, aud: (Array.isArray(aud) ? aud[0] : aud) ?? null }
  } catch {
    return { iss: null, aud: null }
  }
}

/**
 * A Bearer-token resource server for domain B. A token from any other issuer, domain A's included, is
 * refused as `chain.foreign_token`: crossing a domain takes a grant and B's own token.
 * @see RFC 9068 §4
 * @see draft-ietf-oauth-identity-chaining-16 §2.3.3 (why A's token is no grant at B)
 */
export function createChainedResourceServer(options: ChainedResourceServerOptions): FetchHandler {
  const log = withDefencesOff(options.log ?? NO_CHECK_LOG, options.defencesOff)
  return async (request) => {
    const time = options.clock()
    let claims: JWTPayload | null = null
    const deny = (error: OAuthError) => {
      options.audit(resourceAuditEvent(time, claims, error), error)
      return json(
        error.status,
        { error: error.code, error_description: error.description },
        {
          'www-authenticate': `Bearer error="${error.code}"`,
        },
      )
    }
    /** Records the check that failed, and refuses with `invalid_token` or `insufficient_scope`. */
    const refuse = (check: typeof OWN_ISSUER, reason: Reason, spec: SpecRef, description: string) => {
      log.record({ ...check, ok: false, detail: description })
      const scope = reason === 'chain.scope_insufficient'
      return deny(
        refusal({
          code: scope ? 'insufficient_scope' : 'invalid_token',
          status: scope ? 403 : 401,
          reason,
          spec,
          description,
        }),
      )
    }
    const credentials = parseAuthorization(request)
    if (!credentials.ok) {
      log.record({ ...RS_CHECKS.authorization, ok: false, detail: credentials.error.description })
      return deny(credentials.error)
    }
    if (credentials.value === null)
      return refuse(
        RS_CHECKS.authorization,
        'chain.token_missing',
        RFC_6750_3_1,
        'An access token from this domain is required',
      )
    const { token, scheme } = credentials.value
    log.record({ ...RS_CHECKS.authorization, ok: true, detail: `${scheme} scheme` })
    const claimed = peek(token)
    let trusted = { issuer: options.issuer, audience: options.audience, jwks: options.jwks }
    if (claimed.iss !== null && claimed.iss !== options.issuer) {
      const description = `Access token "iss" ${claimed.iss} is another domain's; exchange it for a grant first`
      const peerKeys = options.peerIssuers?.[claimed.iss]
      // A vulnerable API (this defence off) takes a peer domain's token, for whatever API that domain
      // minted it, as its own: the shortcut identity chaining exists to replace. Its signature still counts.
      if (peerKeys && skipIfDefenceOff(log, 'chain.foreign_token', OWN_ISSUER, description))
        trusted = { issuer: claimed.iss, audience: claimed.aud ?? options.audience, jwks: peerKeys }
      else
        return refuse(
          OWN_ISSUER,
          'chain.foreign_token',
          { doc: IDENTITY_CHAINING_DRAFT, section: '2.3.3' },
          description,
        )
    } else log.record({ ...OWN_ISSUER, ok: true, detail: options.issuer })
    const verified = await verifyAccessToken(token, {
      ...trusted,
      nowSeconds: epochSeconds(() => time),
      log,
    })
    if (!verified.ok) return deny(verified.error)
    claims = verified.value.payload
    const held = parseScope(claims.scope)
    if (!held.includes(options.scope))
      return refuse(
        RS_CHECKS.scope,
        'chain.scope_insufficient',
        RFC_6750_3_1,
        `Access token lacks scope "${options.scope}"`,
      )
    log.record({ ...RS_CHECKS.scope, ok: true, detail: `needs "${options.scope}"` })
    const event = resourceAuditEvent(time, claims, null)
    options.audit(event, null)
    return json(200, {
      resource: new URL(request.url).pathname,
      principal: event.principal,
      acting_as: event.actingAs,
      via: event.via,
    })
  }
}
