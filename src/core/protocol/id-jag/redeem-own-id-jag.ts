// What an IdP without the §4.4 defence does with its own ID-JAG: redeems it, minting itself an access token.
import type { JWK } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { xaaAuditEvent } from './xaa-audit-event.ts'
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { parseScope } from '../tokens/scope.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { ID_JAG } from './id-jag-names.ts'
import { readTokenForm, tokenJson, xaaErrorResponse } from './token-form.ts'
import { xaaError, type XaaError } from './xaa-error.ts'

export interface OwnIdJagRedemptionOptions {
  issuer: string
  idpJwks: { keys: JWK[] }
  signingKey: SigningKey
  clock: Clock
  log?: CheckLog
  onDecision?: (error: XaaError | null, audit: AuditEvent) => void
}

const CHECK = 'the ID-JAG verifies with this IdP’s own key'

/**
 * The vulnerable redemption the playground shows when the `id_jag.redeemed_at_issuer` defence is off:
 * the IdP checks only its own signature and expiry, and mints an access token for the ID-JAG's
 * `resource` as if it were the resource AS. That is the harm §4.4 forbids: every ID-JAG it issues
 * becomes a token the IdP vouches for, whatever AS it named. Only reachable with that defence off.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4
 */
export function createOwnIdJagRedemption(options: OwnIdJagRedemptionOptions): FetchHandler {
  const rule = { label: CHECK, spec: 'RFC 7523 §3' }
  return async (request) => {
    const record = checkRecorder(options.log)
    const time = options.clock()
    let form: BodyParams | null = null
    const refused = (error: XaaError) => {
      record.refuse(rule, error, error.description)
      const audit = xaaAuditEvent({ time, issued: null, error, params: form, userToken: 'assertion' })
      options.onDecision?.(error, audit)
      return xaaErrorResponse(error)
    }
    const nowSeconds = epochSeconds(options.clock)
    const params = await readTokenForm(request)
    if (!params.ok) return refused(params.error)
    form = params.value
    const assertion = typeof params.value.assertion === 'string' ? params.value.assertion : ''
    const verified = await verifyJwt(assertion, {
      name: 'assertion',
      typ: ID_JAG.typ,
      issuer: options.issuer,
      jwks: options.idpJwks,
      nowSeconds,
      requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
    })
    if (!verified.ok) return refused(xaaError('id_jag.invalid', verified.failure.description, 'assertion'))
    const grant = verified.payload
    record.pass(rule, String(grant.jti))
    const resource = typeof grant.resource === 'string' ? grant.resource : String(grant.aud)
    const ttl = Math.max(Number(grant.exp) - nowSeconds, 60)
    const accessToken = await mintDelegatedToken(options.signingKey, {
      issuer: options.issuer,
      sub: String(grant.sub),
      clientId: String(grant.client_id),
      aud: [resource],
      scope: parseScope(grant.scope),
      iat: nowSeconds,
      ttl,
      act: null,
      jkt: null,
      amr: grant.amr,
    })
    const issued = {
      sub: String(grant.sub),
      actingAs: String(grant.client_id),
      aud: [resource],
      scope: parseScope(grant.scope),
      ttl,
      jti: typeof grant.jti === 'string' ? grant.jti : null,
    }
    options.onDecision?.(
      null,
      xaaAuditEvent({ time, issued, error: null, params: form, userToken: 'assertion' }),
    )
    return tokenJson({ access_token: accessToken, token_type: 'Bearer', expires_in: ttl })
  }
}
