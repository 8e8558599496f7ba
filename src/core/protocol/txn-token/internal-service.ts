// An internal workload that takes work only with a Txn-Token in the `Txn-Token` header, and audits who and for whom.
import type { JWK } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { actorChain } from '../audit/actor-chain.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import type { OAuthError, OAuthErrorCode } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { TXN_TOKEN_DRAFT as DRAFT, TXN_TOKEN_HEADER, type TxnTokenClaims } from './txn-token-format.ts'
import { isAccessToken, verifyTxnToken } from './verify-txn-token.ts'
import { hasScope } from '../tokens/scope.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff, withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { acceptForwardedAccessToken, type EdgeTokenIssuer } from './accept-forwarded-access-token.ts'
import { TXN_CHECKS as C } from './txn-checks.ts'

export interface InternalServiceOptions {
  /** The workload's name, returned with what it verified. */
  name: string
  /** The TTS issuer and its keys. */
  issuer: string
  jwks: { keys: JWK[] }
  trustDomain: string
  /** The purpose this service serves: the Txn-Token's scope must include it. */
  scope: string
  clock: Clock
  audit: (event: AuditEvent, error: OAuthError | null) => void
  /** Where each check goes, passed or failed, so the checks pane shows what this service verified. */
  log?: CheckLog
  /** The playground's "Defence on" switches turned off; the sandbox never sets it. */
  defencesOff?: DefencesOff
  /** The edge's access-token issuer: consulted only by a service whose forwarding defence is off. */
  edgeTokens?: EdgeTokenIssuer
}

type Check = (typeof C)[keyof typeof C]

/** The error code and status each of this service's own refusals goes out with. */
const WIRE = {
  'txn.access_token_forwarded': { code: 'invalid_token', status: 401 },
  'txn.token_missing': { code: 'invalid_token', status: 401 },
  'txn.request_invalid': { code: 'invalid_request', status: 400 },
  'txn.scope_insufficient': { code: 'insufficient_scope', status: 403 },
} as const satisfies Partial<Record<Reason, { code: OAuthErrorCode; status: number }>>
type Wire = keyof typeof WIRE

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function auditEvent(time: number, claims: TxnTokenClaims | null, error: OAuthError | null): AuditEvent {
  const chain = claims ? actorChain(claims as unknown as Record<string, unknown>) : []
  return {
    time,
    decision: error ? 'deny' : 'allow',
    principal: claims?.sub ?? null,
    actingAs: chain[0] ?? null,
    via: chain.slice(1),
    attestation: null,
    aud: claims ? [claims.aud] : [],
    scope: claims?.scope ?? null,
    ttl: claims ? claims.exp - claims.iat : null,
    // The Txn-Token has no `jti`; `txn` identifies the transaction in every workload's log (§13.2).
    jti: claims?.txn || null,
    denial: error ? { error: error.code, reason: error.description } : null,
  }
}

/**
 * Creates an internal service. It reads exactly one Txn-Token from the `Txn-Token` header (never from
 * `Authorization`), validates it (§12.2), checks its purpose, and answers with what it verified.
 * @see draft-ietf-oauth-transaction-tokens-08 §12.1, §12.2, §13.4
 */
export function createInternalService(options: InternalServiceOptions): FetchHandler {
  return async (request) => {
    const time = options.clock()
    const log = withDefencesOff(options.log ?? NO_CHECK_LOG, options.defencesOff)
    let claims: TxnTokenClaims | null = null
    const deny = (error: OAuthError) => {
      options.audit(auditEvent(time, claims, error), error)
      return json(error.status, { error: error.code, error_description: error.description })
    }
    /** Records the check that failed, and refuses as the draft's section says. */
    const refuse = (check: Check, wire: Wire, section: string, description: string) => {
      log.record({ ...check, ok: false, detail: description })
      return deny(refusal({ ...WIRE[wire], reason: wire, spec: { doc: DRAFT, section }, description }))
    }
    const header = request.headers.get(TXN_TOKEN_HEADER)?.trim() ?? ''
    const forwarded = header === '' ? bearerToken(request) : isAccessToken(header) ? header : null
    if (forwarded !== null) {
      const description =
        'An access token was forwarded; internal calls take a Txn-Token in the Txn-Token header'
      // A service with this defence off takes the access token instead (see accept-forwarded-access-token.ts).
      if (!options.edgeTokens || !skipIfDefenceOff(log, 'txn.access_token_forwarded', C.header, description))
        return refuse(C.header, 'txn.access_token_forwarded', '13.4', description)
    } else if (header === '')
      return refuse(C.header, 'txn.token_missing', '12.1', 'The Txn-Token header is required')
    else if (header.includes(','))
      return refuse(
        C.single,
        'txn.request_invalid',
        '12.1',
        'The Txn-Token header must carry exactly one Txn-Token',
      )
    const nowSeconds = epochSeconds(() => time)
    const verified =
      forwarded !== null && options.edgeTokens
        ? await acceptForwardedAccessToken(forwarded, options.edgeTokens, nowSeconds, log)
        : await verifyTxnToken(header, {
            issuer: options.issuer,
            trustDomain: options.trustDomain,
            jwks: options.jwks,
            nowSeconds,
            log,
          })
    if (!verified.ok) return deny(verified.error)
    claims = verified.value
    if (!hasScope(claims.scope, options.scope))
      return refuse(C.purpose, 'txn.scope_insufficient', '9.2.1', `Txn-Token scope lacks "${options.scope}"`)
    log.record({ ...C.purpose, ok: true, detail: `${claims.scope} ∋ ${options.scope}` })
    options.audit(auditEvent(time, claims, null), null)
    const { txn, sub, act, scope, tctx, req_wl } = claims
    return json(200, { service: options.name, verified: { txn, sub, act: act ?? null, scope, tctx, req_wl } })
  }
}

/** The token of an `Authorization` header in either scheme: what a gateway forwarding it would send. */
function bearerToken(request: Request): string | null {
  const match = /^(?:Bearer|DPoP) +(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')
  return match?.[1] ?? null
}
