// What both cross-app token endpoints do before deciding: read the form, verify a DPoP proof, record why not.
import type { Clock } from '../clock.ts'
import { epochSeconds } from '../clock.ts'
import { dpopHeaderValues } from '../dpop/proof-header.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { verifyDpopProof } from '../dpop/verify-proof.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import { refusalLog } from './xaa-checks.ts'
import { readTokenForm } from './token-form.ts'
import { accept, refuse, type XaaError, type XaaResult } from './xaa-error.ts'

export interface XaaEndpointOptions {
  clock: Clock
  /** DPoP proofs' `jti`s and grants' `jti`s. */
  replay: ReplayCache
  log?: CheckLog
  /**
   * Defences this server runs without, by the reason each would refuse with: the playground's "Defence
   * on" switches. Default none. Set only by code (a playground flow); no request, config or env reaches it.
   */
  defencesOff?: DefencesOff
}

/** A token request read: its form, the time, the DPoP key it proved (or null), and the log to decide with. */
export interface XaaTokenRequest {
  params: BodyParams
  nowSeconds: number
  jkt: string | null
}

const REQUEST_CHECK = 'the request is a POST form within the size limit, with a valid DPoP proof if any'

/**
 * Starts serving one token request: a log carrying this server's defence switches, which records a
 * refusal no check explained (a bad method, form or DPoP header) as a check of its own; then the form
 * (RFC 6749 §3.2) and the DPoP proof, when sent (RFC 9449 §4.3, §5).
 * @see RFC 6749 §3.2, RFC 9449 §5
 */
export function startXaaTokenRequest(options: XaaEndpointOptions) {
  const log = refusalLog(withDefencesOff(options.log ?? NO_CHECK_LOG, options.defencesOff))
  const nowSeconds = epochSeconds(options.clock)
  return {
    log,
    nowSeconds,
    /** Records a refusal no check explained yet, once. */
    explain: (error: XaaError) => log.explain(REQUEST_CHECK, error),
    async read(request: Request): Promise<XaaResult<XaaTokenRequest>> {
      const params = await readTokenForm(request)
      if (!params.ok) return params
      const proofs = dpopHeaderValues(request)
      if (proofs.length === 0) return accept({ params: params.value, nowSeconds, jkt: null })
      const proof = await verifyDpopProof({
        proofs,
        htm: request.method,
        htu: request.url,
        nowSeconds,
        replay: options.replay,
        status: 400,
        log,
      })
      if (!proof.ok) return refuse({ ...proof.error, param: 'DPoP' })
      return accept({ params: params.value, nowSeconds, jkt: proof.value.jkt })
    },
  }
}
