// What every cross-app access token endpoint shares: POST with a form body in, JSON out.
import { isHttpError } from '../errors/refusal-name.ts'
import { readBodyParams, type BodyParams } from '../http/read-body-params.ts'
import { MAX_TOKEN_REQUEST_BYTES } from '../idp/parse-token-request.ts'
import { accept, refuse, xaaError, type XaaError, type XaaResult } from './xaa-error.ts'

/**
 * Reads a token request: POST only, a form body within the token endpoint's size limit, no parameter twice.
 * @see RFC 6749 §3.2
 */
export async function readTokenForm(request: Request): Promise<XaaResult<BodyParams>> {
  if (request.method !== 'POST')
    return refuse(xaaError('http.method_not_allowed', `Method ${request.method} is not allowed; use POST`))
  const params = await readBodyParams(request, { json: false, maxBytes: MAX_TOKEN_REQUEST_BYTES })
  if (!params.ok) {
    const error = params.error
    // The cross-app decisions carry OAuth errors only, so a 413 keeps that shape here (same status, same
    // body, reason `http.content_too_large`); the other endpoints answer it as a plain HttpError.
    if (isHttpError(error))
      return refuse(xaaError(error.reason, error.description, undefined, { status: error.status }))
    return refuse(error)
  }
  return accept(params.value)
}

/** A JSON token response, never cached (RFC 6749 §5.1). */
export const tokenJson = (
  body: Record<string, unknown>,
  status = 200,
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })

/**
 * An error response (RFC 6749 §5.2), with any extra members the error defines, such as `max_age` for
 * `insufficient_user_authentication` (RFC 9470 §3).
 */
export function xaaErrorResponse(
  error: XaaError,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const allow: Record<string, string> = error.status === 405 ? { allow: 'POST' } : {}
  return tokenJson({ error: error.code, error_description: error.description, ...extra }, error.status, {
    ...allow,
    ...headers,
  })
}
