// The checks a DPoP proof goes through, each with the words and the section shown in the check log.
import { fail, oauthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'

export interface DpopCheck {
  label: string
  spec: string
}

/**
 * Every check of RFC 9449 §4.3, numbered as the RFC numbers them, plus the replay check of §11.1.
 * Step (12)'s second half, the key binding to `cnf.jkt`, belongs to the resource server.
 * @see RFC 9449 §4.3
 */
export const DPOP_CHECKS = {
  single: { label: 'request carries exactly one DPoP header', spec: 'RFC 9449 §4.3 (1)' },
  wellFormed: { label: 'DPoP header is a single well-formed JWT', spec: 'RFC 9449 §4.3 (2)' },
  required: {
    label: 'DPoP proof has typ, alg, jwk and jti, htm, htu, iat',
    spec: 'RFC 9449 §4.3 (3), §4.2',
  },
  typ: { label: 'DPoP proof "typ" is dpop+jwt', spec: 'RFC 9449 §4.3 (4)' },
  alg: { label: 'DPoP proof "alg" is an accepted asymmetric algorithm', spec: 'RFC 9449 §4.3 (5)' },
  signature: { label: 'DPoP proof signature verifies with its "jwk"', spec: 'RFC 9449 §4.3 (6)' },
  publicJwk: { label: 'DPoP proof "jwk" holds no private key', spec: 'RFC 9449 §4.3 (7)' },
  htm: { label: 'DPoP proof "htm" matches the request method', spec: 'RFC 9449 §4.3 (8)' },
  htu: { label: 'DPoP proof "htu" matches the request URL', spec: 'RFC 9449 §4.3 (9)' },
  nonce: { label: 'DPoP proof "nonce" is one this server issued', spec: 'RFC 9449 §4.3 (10)' },
  iat: { label: 'DPoP proof "iat" is within the accepted window', spec: 'RFC 9449 §4.3 (11), §11.1' },
  ath: { label: 'DPoP proof "ath" is the hash of the access token', spec: 'RFC 9449 §4.3 (12), §4.2' },
  replay: { label: 'DPoP proof "jti" has not been used before', spec: 'RFC 9449 §11.1' },
} as const satisfies Record<string, DpopCheck>

/**
 * The log-and-refuse pair every check uses, so passed and failed checks are recorded the same way.
 * @see RFC 9449 §4.3
 */
export function proofRecorder(log: CheckLog, status: 400 | 401) {
  const record = checkRecorder(log)
  return {
    pass(check: DpopCheck, detail?: string): void {
      record.pass(check, detail)
    },
    refuse<T>(check: DpopCheck, reason: Reason, description: string, explanation: string): Result<T> {
      return fail<T>(record.refuse(check, oauthError(reason, description, { explanation, status })))
    },
  }
}
