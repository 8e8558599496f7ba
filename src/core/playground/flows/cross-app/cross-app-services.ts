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
import { withDefencesOff, type DefencesOff } from '../../../protocol/trace/defence-switch.ts'
import type { AuditEvent } from '../../../protocol/audit/audit-event.ts'
import { createOwnIdJagRedemption } from '../../../protocol/id-jag/redeem-own-id-jag.ts'
import { xaaAuditEvent } from '../../../protocol/id-jag/xaa-audit-event.ts'
import type { Service } from '../step-recorder.ts'

type Jwks = { keys: JWK[] }

const decided = (error: XaaError | null) =>
  error ? ({ accepted: false, error } as const) : ({ accepted: true } as const)

/** What both cross-app authorization servers of the page are built with. */
interface ServerOptions {
  issuer: string
  workloadIssuers: Record<string, Jwks>
  signingKey: SigningKey
  clock: Clock
  replay: ReplayCache
  log: CheckLog
  /** The page's "Defence on" switches, from the scenario. */
  defencesOff: DefencesOff
}

export interface IdpServiceOptions extends ServerOptions {
  policy: IdJagPolicy
  idpJwks: Jwks
}

/**
 * The IdP's `/token` as the sandbox routes it (`dispatchIdpTokenRequest`): ID-JAG requests to the ID-JAG
 * endpoint, a JWT bearer grant refused (`id_jag.redeemed_at_issuer` for its own ID-JAG) unless that
 * defence is off. This page's IdP runs only the cross-app exchange here, so any other request is an
 * unsupported grant.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3, §4.4
 */
export function createCrossAppIdpService(options: IdpServiceOptions): Service {
  return async (request) => {
    let error: XaaError | null | undefined
    let audit: AuditEvent | undefined
    const time = options.clock()
    const unsupported = xaaError('grant.unsupported_type', 'This IdP issues only ID-JAGs here', 'grant_type')
    const other: FetchHandler = async () => {
      error = unsupported
      return xaaErrorResponse(unsupported)
    }
    const log = withDefencesOff(options.log, options.defencesOff)
    const idJag = createIdJagEndpoint({
      ...options,
      onDecision: (decision) => ((error = decision.error), (audit = decision.audit)),
    })
    const redeemOwnGrant = createOwnIdJagRedemption({
      ...options,
      log,
      onDecision: (e, event) => ((error = e), (audit = event)),
    })
    const form = new URLSearchParams(await request.clone().text())
    const response = await dispatchIdpTokenRequest({
      issuer: options.issuer,
      exchange: other,
      idJag,
      log,
      redeemOwnGrant,
    })(request)
    // Neither handler decided: the dispatcher refused a JWT bearer grant itself.
    if (error === undefined)
      error = response.ok ? null : refuseJwtBearerAtIdp(form.get('assertion'), options.issuer)
    audit ??= xaaAuditEvent({
      time,
      issued: null,
      error,
      params: Object.fromEntries(form),
      userToken: 'assertion',
    })
    return { response, decision: decided(error), audit }
  }
}

export interface ResourceAsServiceOptions extends ServerOptions {
  policy: ResourceAsPolicy
  trustedIdps: Record<string, Jwks>
}

/**
 * The resource AS's `/token`: a JWT bearer grant with an ID-JAG, answered with an access token for the
 * ID-JAG's resource.
 * @see RFC 7523 §2.1, draft-ietf-oauth-identity-assertion-authz-grant §4.4
 */
export function createResourceAsService(options: ResourceAsServiceOptions): Service {
  return async (request) => {
    let error: XaaError | null = null
    let audit: AuditEvent | undefined
    const endpoint = createResourceAsTokenEndpoint({
      ...options,
      onDecision: (e, event) => ((error = e), (audit = event)),
    })
    const response = await endpoint(request)
    return { response, decision: decided(error), ...(audit ? { audit } : {}) }
  }
}
