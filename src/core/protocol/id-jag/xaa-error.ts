// Cross-app access refusals as data: an OAuth error for a reason id from the one reason table.
import { oauthError, type OAuthError, type OAuthErrorCode } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'

/** The refusals of the cross-app access servers are ordinary {@link OAuthError}s. */
export type XaaError = OAuthError

/**
 * Builds a refusal for `reason` (code, status and spec from `REASONS`), about request parameter `param`.
 * @see RFC 6749 §5.2
 */
export function xaaError(
  reason: Reason,
  description: string,
  param?: string,
  options: { status?: number; code?: OAuthErrorCode } = {},
): XaaError {
  return oauthError(reason, description, { ...options, ...(param ? { param } : {}) })
}

export type XaaResult<T> = { ok: true; value: T } | { ok: false; error: XaaError }
export const accept = <T>(value: T): XaaResult<T> => ({ ok: true, value })
export const refuse = <T = never>(error: XaaError): XaaResult<T> => ({ ok: false, error })
