// The HTTP body an OAuth server sends for an error: JSON with `error` and `error_description`.
import type { OAuthError } from './oauth-error.ts'

/**
 * An error response as a token endpoint sends it: JSON, never cached.
 * @see RFC 6749 §5.2, RFC 9449 §8 (DPoP-Nonce)
 */
export function oauthErrorResponse(error: OAuthError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: error.code, error_description: error.description }), {
    status: error.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })
}
