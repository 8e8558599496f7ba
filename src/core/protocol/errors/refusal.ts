// A server's refusal: an OAuth error (an `error` code from an RFC) or a plain HTTP failure (404, 405, 413).
import { oauthErrorResponse } from './error-response.ts'
import { HTTP_FAILURE_WIRE_ERROR, httpErrorResponse } from './http-error.ts'
import { isHttpError, type Refusal } from './refusal-name.ts'

export { isHttpError, refusalName, type Refusal } from './refusal-name.ts'

/** The response for either kind of refusal. */
export const refusalResponse = (refusal: Refusal, headers: Record<string, string> = {}): Response =>
  isHttpError(refusal) ? httpErrorResponse(refusal, headers) : oauthErrorResponse(refusal, headers)

/** The `error` value the refusal's response body carries, as audit lines record it. */
export const wireErrorCode = (refusal: Refusal): string =>
  isHttpError(refusal) ? HTTP_FAILURE_WIRE_ERROR : refusal.code
