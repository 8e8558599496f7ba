// The IdP's token endpoint as a fetch handler: a real Request in, a real Response out.
import type { JWK, JWTPayload } from 'jose'
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import type { NonceStore } from '../dpop/nonce-store.ts'
import { dpopHeaderValues } from '../dpop/proof-header.ts'
import { verifyDpopProof } from '../dpop/verify-proof.ts'
import { httpError } from '../errors/http-error.ts'
import { refusalResponse, type Refusal } from '../errors/refusal.ts'
import type { FetchHandler } from '../http/http-snapshot.ts'
import type { AuditEvent } from '../audit/audit-event.ts'
import type { SigningKey } from '../keys/key-ring.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import type { ExchangePolicy } from './exchange-policy.ts'
import { exchangeAuditEvent, type ExchangeOutcome } from './exchange-audit-event.ts'
import { decideExchange, type ExchangeDecision } from './exchange-token.ts'
import { parseTokenRequest } from './parse-token-request.ts'

export interface TokenEndpointOptions {
  issuer: string
  policy: ExchangePolicy
  signingKey: SigningKey
  idpJwks: { keys: JWK[] }
  /** Public keys of each workload issuer the IdP knows, by issuer. Policy decides which are trusted. */
  actorIssuerJwks: Readonly<Record<string, { keys: JWK[] }>>
  clock: Clock
  replay: ReplayCache
  nonces: NonceStore
  log: CheckLog
  /**
   * Defences this server runs without, by the reason each would refuse with: the playground's "Defence on"
   * switches. Default none. Set only by code (a playground flow); no request, config or env reaches it.
   */
  defencesOff?: DefencesOff
}

/**
 * One request, served: the response to send, what was decided and the audit event for it (RFC 8693
 * leaves logging to the IdP; this IdP logs every decision). Whoever mounts the service keeps the event.
 */
export interface ServedExchange {
  response: Response
  decision: { accepted: true; claims: JWTPayload } | { accepted: false; error: Refusal }
  audit: AuditEvent
}

export type TokenService = (request: Request) => Promise<ServedExchange>

/** The token endpoint's URL for an issuer: `{issuer}/token`. */
export const tokenEndpointUrl = (issuer: string): string => `${issuer.replace(/\/$/, '')}/token`

/** The token endpoint as a plain fetch handler, for mounts that keep no audit trail. */
export function createTokenEndpoint(options: TokenEndpointOptions): FetchHandler {
  const serve = createTokenService(options)
  return async (request) => (await serve(request)).response
}

/**
 * Creates the token endpoint's service. It validates the request, the DPoP proof (when sent or required),
 * both tokens and policy, and answers as RFC 8693 §2.2 describes.
 * @see RFC 8693 §2, RFC 9449 §5, RFC 6749 §5
 */
export function createTokenService(options: TokenEndpointOptions): TokenService {
  const { policy } = options
  const tokenPath = new URL(tokenEndpointUrl(options.issuer)).pathname

  return async (request) => {
    const nowSeconds = epochSeconds(options.clock)
    const log = withDefencesOff(options.log, options.defencesOff)
    const record = checkRecorder(log)
    const outcome: ExchangeOutcome = {
      time: options.clock(),
      request: null,
      seen: { subject: null, actor: null },
      issued: null,
      error: null,
    }
    // Every refusal below was recorded as a failed check where it was made (method, form, DPoP, decision).
    const refuse = (error: Refusal, headers: Record<string, string> = {}): ServedExchange => {
      return {
        response: refusalResponse(error, headers),
        decision: { accepted: false, error },
        audit: exchangeAuditEvent({ ...outcome, error }),
      }
    }
    // A path other than the token endpoint's is a plain HTTP 404 (RFC 9110 §15.5.5): hand-edited request
    // text can name any path, and no token request is read there. Only the path is compared: the
    // origin a request arrives on is the mount's business (the sandbox rebases it onto its issuer).
    const { pathname } = new URL(request.url)
    if (pathname !== tokenPath)
      return refuse(
        record.refuse(
          { label: 'request is sent to the token endpoint' },
          httpError(
            'http.not_found',
            `No endpoint at ${pathname}`,
            `The IdP's token endpoint is ${tokenPath}; nothing answers token requests at ${pathname}.`,
          ),
          `No endpoint at ${pathname}`,
        ),
      )
    // A wrong method is a plain HTTP 405, not an OAuth refusal: no token request was read (RFC 9110 §15.5.6).
    if (request.method !== 'POST')
      return refuse(
        record.refuse(
          { label: 'request is a POST' },
          httpError(
            'http.method_not_allowed',
            `Method ${request.method} is not allowed; use POST`,
            'The token endpoint only accepts POST, so credentials never travel in a URL.',
          ),
          `Method ${request.method} is not allowed; use POST`,
        ),
        { allow: 'POST' },
      )

    const parsed = await parseTokenRequest(request, log)
    if (!parsed.ok) return refuse(parsed.error)
    outcome.request = parsed.value

    const proofs = dpopHeaderValues(request)
    let jkt: string | null = null
    if (proofs.length > 0 || policy.requireDpop) {
      const verified = await verifyDpopProof({
        proofs,
        htm: request.method,
        htu: request.url,
        nowSeconds,
        replay: options.replay,
        ...(policy.requireDpopNonce ? { nonce: { store: options.nonces } } : {}),
        status: 400,
        log,
      })
      if (!verified.ok) {
        // RFC 9449 §8: a nonce challenge carries the nonce to use in the retry.
        const nonce: Record<string, string> =
          verified.error.code === 'use_dpop_nonce'
            ? { 'dpop-nonce': await options.nonces.issue(nowSeconds) }
            : {}
        return refuse({ ...verified.error, param: 'DPoP' }, nonce)
      }
      jkt = verified.value.jkt
    }

    const decision: ExchangeDecision = await decideExchange(parsed.value, {
      issuer: options.issuer,
      policy,
      signingKey: options.signingKey,
      idpJwks: options.idpJwks,
      actorIssuerJwks: options.actorIssuerJwks,
      nowSeconds,
      jkt,
      log,
    })
    outcome.seen = decision.inputs
    if (!decision.accepted) return refuse(decision.error)
    return {
      response: new Response(JSON.stringify(decision.response), {
        status: 200,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      }),
      decision: { accepted: true, claims: decision.claims },
      audit: exchangeAuditEvent({ ...outcome, issued: decision.claims }),
    }
  }
}
