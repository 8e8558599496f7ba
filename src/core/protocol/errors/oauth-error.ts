// OAuth errors as data: the RFC's code, the HTTP status, a stable reason id, where the rule is written, and why.
import { REASONS, OAUTH_ERROR_CODES, type OAuthErrorCode, type Reason } from './reasons.ts'
import type { SpecRef } from './spec-ref.ts'

export { OAUTH_ERROR_CODES, type OAuthErrorCode } from './reasons.ts'

/** An OAuth error as the playground carries it: what goes on the wire, which rule, and why. */
export interface OAuthError {
  /** The `error` value sent on the wire. */
  code: OAuthErrorCode
  /** HTTP status of the response that carries it. */
  status: number
  /** The stable id of the refusal (`dpop.htu_mismatch`), listed in `REASONS` and the README. */
  reason: Reason
  /** The section the rule comes from. */
  spec: SpecRef
  /** The `error_description` sent on the wire: short, quotes the parameter or claim at fault. */
  description: string
  /** A plain-language explanation for people reading the playground; never sent on the wire. */
  explanation: string
  /**
   * The request parameter or header the error is about (`scope`, `subject_token`, `DPoP`, …), when
   * there is one. Not sent on the wire; it lets a client point at the field at fault.
   */
  param?: string
}

export interface OAuthErrorOptions {
  /** Defaults to the wire description. */
  explanation?: string
  /** Defaults to the reason's usual status. */
  status?: number
  /** One of the reason's codes; defaults to its first. */
  code?: OAuthErrorCode
  param?: string
}

/**
 * Builds an {@link OAuthError} for a reason: code, status and spec come from the reason table.
 * Throws (a bug, not a refusal) when asked for a code the reason is not sent with.
 */
export function oauthError(reason: Reason, description: string, options: OAuthErrorOptions = {}): OAuthError {
  const info = REASONS[reason]
  const code = options.code ?? info.codes[0]
  if (!(info.codes as readonly string[]).includes(code))
    throw new Error(`Reason ${reason} is never sent as ${code}`)
  return {
    code,
    status: options.status ?? info.status,
    reason,
    spec: info.spec,
    description,
    explanation: options.explanation ?? description,
    ...(options.param === undefined ? {} : { param: options.param }),
  }
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
export type Result<T, E = OAuthError> = { ok: true; value: T } | { ok: false; error: E }

/** Marks a failed result with the request parameter it is about; a success passes through. */
export function aboutParam<T>(result: Result<T>, param: string): Result<T> {
  return result.ok ? result : { ok: false, error: { ...result.error, param } }
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const fail = <T = never, E = OAuthError>(error: E): Result<T, E> => ({ ok: false, error })
