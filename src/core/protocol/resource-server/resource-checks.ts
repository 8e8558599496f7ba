// The resource server's own checks, around the access-token and DPoP ones: the rules its recorder names.
import type { CheckRule } from '../trace/check-recorder.ts'

/**
 * Labels and sections of the steps the resource server records itself, through `checkRecorder`.
 * @see RFC 6750 §3.1
 * @see RFC 9449 §7.1
 */
export const RS_CHECKS = {
  route: { label: 'request names a route of this resource server', spec: 'RFC 9110 §15.5.5' },
  authorization: {
    label: 'request carries one access token in the Authorization header',
    spec: 'RFC 6750 §2.1, RFC 9449 §7.1',
  },
  binding: { label: 'DPoP proof key matches the token\'s "cnf.jkt"', spec: 'RFC 9449 §4.3 (12), §7.1' },
  scope: { label: 'access token "scope" covers the route', spec: 'RFC 6750 §3.1' },
} as const satisfies Record<string, CheckRule>
