// An internal workload that takes work only with a Txn-Token in the `Txn-Token` header, and audits who and for whom.
import type { JWK } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { actorChain } from '../audit/actor-chain.ts'
import { epochSeconds, type Clock } from '../clock.ts'
import type { OAuthError } from '../errors/oauth-error.ts'
import { refusal } from '../errors/reasoned-error.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import { TXN_TOKEN_DRAFT as DRAFT, TXN_TOKEN_HEADER, type TxnTokenClaims } from './txn-token-format.ts'
import { verifyTxnToken } from './verify-txn-token.ts'
import { hasScope } from '../tokens/scope.ts'

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
}

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
    jti: claims?.txn ?? null,
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
    let claims: TxnTokenClaims | null = null
    const deny = (error: OAuthError) => {
      options.audit(auditEvent(time, claims, error), error)
      return json(error.status, { error: error.code, error_description: error.description })
    }
    const header = request.headers.get(TXN_TOKEN_HEADER)
    if (header === null || header.trim() === '')
      return deny(
        request.headers.has('authorization')
          ? refusal({
              code: 'invalid_token',
              status: 401,
              reason: 'txn.access_token_forwarded',
              spec: { doc: DRAFT, section: '13.4' },
              description:
                'An access token was forwarded; internal calls take a Txn-Token in the Txn-Token header',
            })
          : refusal({
              code: 'invalid_token',
              status: 401,
              reason: 'txn.token_missing',
              spec: { doc: DRAFT, section: '12.1' },
              description: 'The Txn-Token header is required',
            }),
      )
    if (header.includes(','))
      return deny(
        refusal({
          code: 'invalid_request',
          status: 400,
          reason: 'txn.request_invalid',
          spec: { doc: DRAFT, section: '12.1' },
          description: 'The Txn-Token header must carry exactly one Txn-Token',
        }),
      )
    const verified = await verifyTxnToken(header.trim(), {
      issuer: options.issuer,
      trustDomain: options.trustDomain,
      jwks: options.jwks,
      nowSeconds: epochSeconds(() => time),
    })
    if (!verified.ok) return deny(verified.error)
    claims = verified.value
    if (!hasScope(claims.scope, options.scope))
      return deny(
        refusal({
          code: 'insufficient_scope',
          status: 403,
          reason: 'txn.scope_insufficient',
          spec: { doc: DRAFT, section: '9.2.1' },
          description: `Txn-Token scope lacks "${options.scope}"`,
        }),
      )
    options.audit(auditEvent(time, claims, null), null)
    const { txn, sub, act, scope, tctx, req_wl } = claims
    return json(200, { service: options.name, verified: { txn, sub, act: act ?? null, scope, tctx, req_wl } })
  }
}
