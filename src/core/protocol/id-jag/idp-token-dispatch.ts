// One `/token` for the IdP: ID-JAG requests to the ID-JAG endpoint, everything else to the RFC 8693 endpoint.
import type { FetchHandler } from '../http/http-snapshot.ts'
import { fail } from '../errors/oauth-error.ts'
import { parseFormBody } from '../http/parse-form-body.ts'
import { mediaType } from '../http/read-body-params.ts'
import { MAX_TOKEN_REQUEST_BYTES } from '../idp/parse-token-request.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { ID_JAG, JWT_BEARER_GRANT } from './id-jag-names.ts'
import { xaaErrorResponse } from './token-form.ts'
import { xaaError, type XaaError } from './xaa-error.ts'

export interface IdpTokenDispatchOptions {
  /** The IdP's issuer: an assertion it issued itself is never redeemed here. */
  issuer: string
  /** The RFC 8693 token endpoint, for every other request. */
  exchange: FetchHandler
  idJag: FetchHandler
  /** Where the dispatcher records its own refusal; its `defencesOff` are the page's switches. */
  log?: CheckLog
  /**
   * What a vulnerable IdP does with its own ID-JAG when the `id_jag.redeemed_at_issuer` defence is off
   * (`createOwnIdJagRedemption`). Only the playground's page passes it; without it the IdP refuses.
   */
  redeemOwnGrant?: FetchHandler
}

const OWN_GRANT_CHECK = 'the IdP redeems no assertion it issued itself'

/**
 * Routes by the form's `grant_type` and `requested_token_type`. A JWT bearer grant whose assertion this
 * IdP issued is refused: an ID-JAG is for the resource AS named in its `aud`, and an IdP that redeemed
 * its own grants would turn every ID-JAG into a token for itself.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4
 * @see RFC 7523 §3 (the assertion's audience must be this server)
 */
export function dispatchIdpTokenRequest(options: IdpTokenDispatchOptions): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST' || mediaType(request) !== 'application/x-www-form-urlencoded')
      return options.exchange(request)
    // The body is read once: its parameters choose the handler, which gets a request carrying the same
    // bytes and reads it with all its own checks. (A clone would tee the body's stream and read it twice,
    // on every token request.) A body over the limit is left to the handler to refuse.
    const bytes = await request.arrayBuffer()
    const read = new Request(request, { body: bytes })
    const parsed =
      bytes.byteLength > MAX_TOKEN_REQUEST_BYTES ? fail(null) : parseFormBody(new TextDecoder().decode(bytes))
    if (!parsed.ok) return options.exchange(read)
    const first = (name: string) => parsed.value.find(([key]) => key === name)?.[1] ?? null

    if (first('requested_token_type') === ID_JAG.tokenType) return options.idJag(read)
    if (first('grant_type') !== JWT_BEARER_GRANT) return options.exchange(read)

    const error = refuseJwtBearerAtIdp(first('assertion'), options.issuer)
    const record = checkRecorder(options.log)
    const rule = { label: OWN_GRANT_CHECK, spec: error.spec }
    if (error.reason === 'id_jag.redeemed_at_issuer' && options.redeemOwnGrant && record.skipped(rule, error))
      return options.redeemOwnGrant(read)
    record.refuse(rule, error, error.description)
    return xaaErrorResponse(error)
  }
}

/**
 * The IdP's answer to a JWT bearer grant: `id_jag.redeemed_at_issuer` for an assertion it issued itself,
 * else `unsupported_grant_type` (this IdP redeems no assertions).
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.4
 */
export function refuseJwtBearerAtIdp(assertion: string | null, issuer: string): XaaError {
  const read = assertion === null ? null : readCompactJws(assertion, 'assertion')
  const ownGrant = read?.ok === true && read.value.payload.iss === issuer
  return ownGrant
    ? xaaError(
        'id_jag.redeemed_at_issuer',
        'This IdP issued the assertion; present it to the resource authorization server named in its "aud"',
        'assertion',
      )
    : xaaError(
        'grant.unsupported_type',
        `"grant_type" ${JWT_BEARER_GRANT} is not supported here`,
        'grant_type',
      )
}
