// Plain HTTP failures (no such path, wrong method, body too large): not OAuth refusals, but data all the same.
import { REASONS, type HttpReason } from './reasons.ts'
import type { SpecRef } from './spec-ref.ts'

/** A failure at the HTTP layer, before any OAuth endpoint reads the request. */
export interface HttpError {
  status: number
  reason: HttpReason
  spec: SpecRef
  /** Sent on the wire as `error_description`. */
  description: string
  explanation: string
  /** An HTTP failure is about the request as a whole, never one parameter (unlike an OAuth error). */
  param?: never
}

/**
 * Builds an {@link HttpError}; status and spec come from the reason table.
 * @see RFC 9110 §15.5
 */
export function httpError(reason: HttpReason, description: string, explanation = description): HttpError {
  const { status, spec } = REASONS[reason]
  return { status, reason, spec, description, explanation }
}

/**
 * The `error` member an HTTP failure's body carries: the body keeps the shape every endpoint here
 * answers with, so a client reading JSON errors needs no second parser (and the sandbox's answers
 * stay as they always were). The value says nothing OAuth-specific was decided: see the `http.*` reason.
 */
export const HTTP_FAILURE_WIRE_ERROR = 'invalid_request'

/**
 * The response for an HTTP failure. The body keeps the shape every endpoint here answers with
 * (`invalid_request` and a description), so a client reading JSON errors needs no second parser.
 * @see RFC 9110 §15.5.5, §15.5.6, §15.5.14
 */
export function httpErrorResponse(error: HttpError, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({ error: HTTP_FAILURE_WIRE_ERROR, error_description: error.description }),
    {
      status: error.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    },
  )
}
