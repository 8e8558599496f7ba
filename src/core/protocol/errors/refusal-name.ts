// A refusal's kind and its name for people. Kept apart from the responses (and so from the reason table)
// because the page's first paint names refusals without building any.
import type { HttpError } from './http-error.ts'
import type { OAuthError } from './oauth-error.ts'

/** What a server refused a request with; both kinds carry a stable `reason` id and a `spec`. */
export type Refusal = OAuthError | HttpError

/** True for a plain HTTP failure, which has no OAuth `error` code. */
export const isHttpError = (refusal: Refusal): refusal is HttpError => !('code' in refusal)

const STATUS_TEXT: Readonly<Record<number, string>> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
}

/**
 * The refusal's name for people: its OAuth `error` code, or, for a plain HTTP failure, its status
 * ("405 Method Not Allowed"), since no OAuth rule was broken.
 * @see RFC 9110 §15.5
 */
export const refusalName = (refusal: Refusal): string =>
  isHttpError(refusal) ? `${refusal.status} ${STATUS_TEXT[refusal.status] ?? 'Client Error'}` : refusal.code
