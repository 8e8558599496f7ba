// Reads the access token out of the Authorization header: which scheme, which token, or why not.
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import type { AuthScheme } from './www-authenticate.ts'

export type Credentials = { scheme: AuthScheme; token: string } | null

// token68 (RFC 9110 §11.2), the syntax of both `Bearer` (RFC 6750 §2.1) and `DPoP` (RFC 9449 §7.1) credentials.
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/
// A Map, not an object literal: a scheme named "constructor" must not find anything.
const SCHEMES = new Map<string, AuthScheme>([
  ['bearer', 'Bearer'],
  ['dpop', 'DPoP'],
])

/**
 * The credentials of a request: null when it has none in a scheme this server knows, an
 * `invalid_request` (400) when it has several, or a malformed one. Scheme names are case-insensitive.
 * Several Authorization fields arrive joined by commas (RFC 9110 §5.3); token68 never contains one.
 * @see RFC 9449 §7.1
 * @see RFC 9449 §7.2
 * @see RFC 6750 §2.1
 */
export function parseAuthorization(request: Request): Result<Credentials> {
  const value = request.headers.get('authorization')
  if (value === null || value.trim() === '') return ok(null)
  const parts = value.split(',').map((part) => part.trim())
  if (parts.length > 1) {
    return fail(
      oauthError('request.multiple_credentials', 'Multiple methods used to include access token', {
        explanation:
          'The request carries more than one access token (Authorization fields or schemes), so the server cannot tell which one to check.',
      }),
    )
  }
  const [, rawScheme = '', token = ''] = /^(\S+)(?: +(.*))?$/.exec(parts[0] ?? '') ?? []
  const scheme = SCHEMES.get(rawScheme.toLowerCase())
  if (scheme === undefined) return ok(null)
  if (!TOKEN68.test(token)) {
    return fail(
      oauthError('request.malformed_authorization', `Malformed "${scheme}" Authorization header`, {
        explanation: `After "${scheme} " the header must carry exactly one token in token68 syntax (letters, digits, - . _ ~ + / and trailing =).`,
      }),
    )
  }
  return ok({ scheme, token })
}
