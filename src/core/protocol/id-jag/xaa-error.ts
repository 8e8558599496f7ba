// Cross-app access refusals as data: the RFC's error code plus a stable reason id tests and the UI key on.
import { oauthError, type OAuthError, type OAuthErrorCode } from '../errors/oauth-error.ts'

/** Every reason a cross-app access server (IdP, resource AS, MCP server) refuses with. */
export const XAA_REASONS = [
  'http.method_not_allowed',
  'request.malformed',
  'request.unsupported_grant_type',
  'client.assertion_missing',
  'client.assertion_type',
  'client.assertion_invalid',
  'client.untrusted_issuer',
  'client.unknown',
  'client.id_mismatch',
  'idp.requested_token_type',
  'idp.subject_token_type',
  'idp.id_token_invalid',
  'idp.id_token_audience',
  'idp.id_token_too_old',
  'idp.audience_not_allowed',
  'idp.resource_not_allowed',
  'idp.scope_not_granted',
  'id_jag.missing',
  'id_jag.typ',
  'id_jag.untrusted_issuer',
  'id_jag.invalid',
  'id_jag.audience_mismatch',
  'id_jag.expired',
  'id_jag.client_mismatch',
  'id_jag.replayed',
  'id_jag.unknown_resource',
  'id_jag.key_mismatch',
  'id_jag.scope_widened',
  'id_jag.redeemed_at_issuer',
  'dpop.invalid_proof',
  'mcp.no_token',
  'mcp.wrong_resource',
  'mcp.token_invalid',
  'mcp.insufficient_scope',
] as const

export type XaaReason = (typeof XAA_REASONS)[number]

/** An {@link OAuthError} whose `reason` is a stable id from {@link XAA_REASONS}. */
export type XaaError = OAuthError & { reason: XaaReason }

/**
 * Builds a refusal: wire `code` and `description`, HTTP status, the section that says so, the stable reason.
 * @see RFC 6749 §5.2
 */
export function xaaError(
  code: OAuthErrorCode,
  status: number,
  reason: XaaReason,
  spec: string,
  description: string,
  param?: string,
): XaaError {
  return { ...oauthError(code, status, spec, description, reason), reason, ...(param ? { param } : {}) }
}

export type XaaResult<T> = { ok: true; value: T } | { ok: false; error: XaaError }
export const accept = <T>(value: T): XaaResult<T> => ({ ok: true, value })
export const refuse = <T = never>(error: XaaError): XaaResult<T> => ({ ok: false, error })
