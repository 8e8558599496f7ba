// The IdP and the resource AS of the cross-app flow as step services: the same fetch handlers the sandbox mounts, with their decisions.
import type { JWK } from 'jose'
import type { Clock } from '../../../protocol/clock.ts'
import type { ReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import type { FetchHandler } from '../../../protocol/http/http-snapshot.ts'
import { createIdJagEndpoint } from '../../../protocol/id-jag/id-jag-endpoint.ts'
import type { IdJagPolicy } from '../../../protocol/id-jag/id-jag-policy.ts'
import { dispatchIdpTokenRequest, refuseJwtBearerAtIdp } from '../../../protocol/id-jag/idp-token-dispatch.ts'
import { xaaErrorResponse } from '../../../protocol/id-jag/token-form.ts'
import { xaaError, type XaaError } from '../../../protocol/id-jag/xaa-error.ts'
import type { SigningKey } from '../../../protocol/keys/key-ring.ts'
import { createResourceAsTokenEndpoint } from '../../../protocol/resource-as/resource-as-token-endpoint.ts'
import type { ResourceAsPolicy } from '../../../protocol/resource-as/resource-as-policy.ts'
import type { CheckLog } from '../../../protocol/trace/check-log.ts'
import type { Service } from '../step-recorder.ts'

type Jwks = { keys: JWK[] }

const decided = (error: XaaError | null) =>
  error ? ({ accepted: false, error } as const) : ({ accepted: true } as const)

export interface IdpServiceOptions {
  issuer: string
  policy: IdJagPolicy
  idpJwks: Jwks
  workloadIssuers: Record<string, Jwks>
  signingKey: SigningKey
  clock: Clock
  replay: ReplayCache
  log: CheckLog
}

/**
 * The IdP's `/token` as the sandbox routes it (`dispatchIdpTokenRequest`): ID-JAG requests to the ID-JAG
 * endpoint, a JWT bearer grant refused (`id_jag.redeemed_at_issuer` for its own ID-JAG). This page's IdP
 * runs only the cross-app exchange here, so any other request is an unsupported grant.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3, §4.4
 */
export function createCrossAppIdpService(options: IdpServiceOptions): Service {
  return async (request) => {
    let error: XaaError | null | undefined
    const unsupported = xaaError('grant.unsupported_type', 'This IdP issues only ID-JAGs here', 'grant_type')
    const other: FetchHandler = async () => {
      error = unsupported
      return xaaErrorResponse(unsupported)
    }
    const idJag = createIdJagEndpoint({ ...options, onDecision: (decision) => (error = decision.error) })
    const assertion = new URLSearchParams(await request.clone().text()).get('assertion')
    const response = await dispatchIdpTokenRequest({ issuer: options.issuer, exchange: other, idJag })(
      request,
    )
    // Neither handler decided: the dispatcher refused a JWT bearer grant itself.
    if (error === undefined) error = response.ok ? null : refuseJwtBearerAtIdp(assertion, options.issuer)
    return { response, decision: decided(error) }
  }
}

export interface ResourceAsServiceOptions {
  issuer: string
  policy: ResourceAsPolicy
  trustedIdps: Record<string, Jwks>
  workloadIssuers: Record<string, Jwks>
  signingKey: SigningKey
  clock: Clock
  replay: ReplayCache
}

/**
 * The resource AS's `/token`: a JWT bearer grant with an ID-JAG, answered with an access token for the
 * ID-JAG's resource.
 * @see RFC 7523 §2.1, draft-ietf-oauth-identity-assertion-authz-grant §4.4
 */
export function createResourceAsService(options: ResourceAsServiceOptions): Service {
  return async (request) => {
    let error: XaaError | null = null
    const endpoint = createResourceAsTokenEndpoint({ ...options, onDecision: (e) => (error = e) })
    const response = await endpoint(request)
    return { response, decision: decided(error) }
  }
}
