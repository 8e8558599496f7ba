// OAuth errors as data: the RFC's own code, the HTTP status, the section it comes from and a plain reason.

/**
 * The error codes this playground can answer with, each from the RFC that defines it.
 * @see RFC 6749 §5.2, §4.1.2.1 (`temporarily_unavailable`), RFC 6750 §3.1, RFC 8693 §2.2.2, RFC 8707 §2, RFC 9449 §5, §7.1, §8
 */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'invalid_token',
  'insufficient_scope',
  'invalid_dpop_proof',
  'use_dpop_nonce',
  'temporarily_unavailable',
] as const

export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number]

/** An OAuth error as the playground carries it: what goes on the wire plus why, and where the rule is written. */
export interface OAuthError {
  /** The `error` value sent on the wire. */
  code: OAuthErrorCode
  /** The `error_description` sent on the wire: short, quotes the parameter or claim at fault. */
  description: string
  /** HTTP status of the response that carries it. */
  status: number
  /** The section the rule comes from, for example "RFC 8693 §2.2.2". */
  spec: string
  /** A plain-language explanation for people reading the playground. */
  reason: string
  /**
   * The request parameter or header the error is about (`scope`, `subject_token`, `DPoP`, …), when
   * there is one. Not sent on the wire; it lets a client point at the field at fault.
   */
  param?: string
}

/** Builds an {@link OAuthError}; `reason` defaults to the wire description. */
export function oauthError(
  code: OAuthErrorCode,
  status: number,
  spec: string,
  description: string,
  reason: string = description,
): OAuthError {
  return { code, status, spec, description, reason }
}

export function isOAuthError(value: unknown): value is OAuthError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as OAuthError).code === 'string' &&
    (OAUTH_ERROR_CODES as readonly string[]).includes((value as OAuthError).code) &&
    typeof (value as OAuthError).status === 'number'
  )
}

/** Either a value or the error that stopped it. Errors are data; only bugs throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: OAuthError }

/** Marks a failed result with the request parameter it is about; a success passes through. */
export function aboutParam<T>(result: Result<T>, param: string): Result<T> {
  return result.ok ? result : { ok: false, error: { ...result.error, param } }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(error: OAuthError): Result<T> => ({ ok: false, error })
