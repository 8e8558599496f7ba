// Which `alg` values a DPoP proof may use: asymmetric signatures only, never `none` or an HMAC.
import type { Reason } from '../errors/reasons.ts'

/**
 * The default accepted algorithms, also advertised in the `algs` challenge parameter.
 * @see RFC 9449 §4.3 (5)
 * @see RFC 9449 §7.1
 */
export const DPOP_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'PS256', 'EdDSA']

const isHmac = (alg: string) => /^HS\d+$/i.test(alg)

/**
 * Why `alg` is refused, or null when it is accepted. `none` and HMAC algorithms are refused even if a
 * caller lists them: neither can show that only the client holds a private key.
 * @see RFC 9449 §4.3 (5)
 */
export function refusedAlgorithm(
  alg: string,
  accepted: readonly string[] = DPOP_ALGORITHMS,
): { reason: Reason; description: string; explanation: string } | null {
  if (alg.toLowerCase() === 'none') {
    return {
      reason: 'dpop.alg_none',
      description: 'DPoP proof "alg" must not be "none"',
      explanation: 'An unsigned proof proves nothing: with "alg": "none" anyone could have written it.',
    }
  }
  if (isHmac(alg)) {
    return {
      reason: 'dpop.alg_symmetric',
      description: `DPoP proof "alg" must be asymmetric, not "${alg}"`,
      explanation: `"${alg}" is an HMAC: it needs a secret shared with the server, so it can't prove that the client alone holds a private key.`,
    }
  }
  if (!accepted.filter((value) => value.toLowerCase() !== 'none' && !isHmac(value)).includes(alg)) {
    return {
      reason: 'dpop.alg_unsupported',
      description: `DPoP proof "alg" "${alg}" is not supported`,
      explanation: `This server accepts DPoP proofs signed with ${accepted.join(', ')} only.`,
    }
  }
  return null
}
