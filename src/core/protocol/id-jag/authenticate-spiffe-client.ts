// Client authentication with a JWT-SVID as the client assertion: the agent's workload identity, no secret.
import type { JWK } from 'jose'
import type { Reason } from '../errors/reasons.ts'
import { specRef } from '../errors/spec-ref.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { JWT_SPIFFE_ASSERTION } from './id-jag-names.ts'
import { accept, xaaError, type XaaResult } from './xaa-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { xaaChecks } from './xaa-checks.ts'

/** A client this server knows: its `client_id` here, and the SPIFFE ID that authenticates as it. */
export interface SpiffeClient {
  clientId: string
  spiffeId: string
}

export interface SpiffeClientAuthOptions {
  /** This authorization server's issuer: the JWT-SVID's `aud` must name it. */
  audience: string
  /** Workload issuers (SPIRE, a platform's OIDC) trusted to vouch for agents, with their public keys. */
  trustedIssuers: Readonly<Record<string, { keys: JWK[] }>>
  clients: readonly SpiffeClient[]
  nowSeconds: number
}

/** The one check this records: authentication passes or fails as a whole, with why. */
export const SPIFFE_CLIENT_CHECK = 'the client authenticates with a JWT-SVID'

const SPIFFE_CLIENT_SPEC = specRef('draft-ietf-oauth-spiffe-client-auth-02', '3.1')

const text = (params: BodyParams, name: string): string | null =>
  typeof params[name] === 'string' ? (params[name] as string) : null

/**
 * Authenticates the caller by its JWT-SVID: `client_assertion_type` is `…:jwt-spiffe`, the SVID is
 * signed by a trusted workload issuer, addressed to this server, unexpired, and its `sub` (a SPIFFE ID)
 * belongs to a registered client. A `client_id` sent alongside must name that same client.
 * @see draft-ietf-oauth-spiffe-client-auth §3.1
 * @see RFC 7523 §3 (JWT client authentication), RFC 7521 §4.2
 */
export async function authenticateSpiffeClient(
  params: BodyParams,
  options: SpiffeClientAuthOptions,
  log?: CheckLog,
): Promise<XaaResult<SpiffeClient>> {
  const c = xaaChecks(log)
  const denied = (reason: Reason, description: string) =>
    c.refuse<SpiffeClient>(SPIFFE_CLIENT_CHECK, xaaError(reason, description, 'client_assertion'))
  const type = text(params, 'client_assertion_type')
  const assertion = text(params, 'client_assertion')
  if (type === null || assertion === null)
    return denied(
      'spiffe_client.assertion_missing',
      'Client authentication is required: send "client_assertion_type" and "client_assertion" (a JWT-SVID)',
    )
  if (type !== JWT_SPIFFE_ASSERTION)
    return denied('spiffe_client.assertion_type', `"client_assertion_type" must be ${JWT_SPIFFE_ASSERTION}`)

  // `iss` is read unverified only to choose the keys; the signature check below is what makes it true.
  const read = readCompactJws(assertion, 'client_assertion')
  if (!read.ok) return denied('spiffe_client.assertion_invalid', read.failure.description)
  const claimed = typeof read.value.payload.iss === 'string' ? read.value.payload.iss : ''
  const jwks = options.trustedIssuers[claimed]
  if (jwks === undefined)
    return denied('spiffe_client.untrusted_issuer', `client_assertion issuer "${claimed}" is not trusted`)

  const verified = await verifyJwt(assertion, {
    name: 'client_assertion',
    typ: JWT_TYP.jwtSvid,
    issuer: claimed,
    audience: options.audience,
    jwks,
    nowSeconds: options.nowSeconds,
    requiredClaims: ['sub', 'exp'],
  })
  if (!verified.ok) return denied('spiffe_client.assertion_invalid', verified.failure.description)

  const spiffeId = String(verified.payload.sub)
  const client = options.clients.find((known) => known.spiffeId === spiffeId)
  if (!client) return denied('spiffe_client.unknown', `No client is registered for ${spiffeId}`)
  const clientId = text(params, 'client_id')
  // RFC 7521 §4.2: a client_id sent with the assertion must identify the same client.
  if (clientId !== null && clientId !== client.clientId && clientId !== spiffeId)
    return denied(
      'spiffe_client.id_mismatch',
      `"client_id" ${clientId} is not the client the assertion authenticates`,
    )
  c.pass(SPIFFE_CLIENT_CHECK, SPIFFE_CLIENT_SPEC, `${spiffeId} as ${client.clientId}`)
  return accept(client)
}
