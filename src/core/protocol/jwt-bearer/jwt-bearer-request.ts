// The RFC 7523 §2.1 access token request: a JWT presented as an authorization grant.
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { parseScopeParam } from '../tokens/scope.ts'

/** The grant type URI of a JWT bearer authorization grant. @see RFC 7523 §2.1 */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer'

export interface JwtBearerRequest {
  assertion: string
  /** Requested scope tokens, or null when `scope` was left out. */
  scope: string[] | null
  /** RFC 8707 `resource`, when sent. */
  resource: string | null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * Reads a jwt-bearer grant request from form parameters: `grant_type`, exactly one `assertion`,
 * optional `scope` and `resource`.
 * @see RFC 7523 §2.1
 */
export function parseJwtBearerRequest(params: BodyParams): Result<JwtBearerRequest> {
  if (params.grant_type !== JWT_BEARER_GRANT)
    return fail(
      oauthError('jwt_bearer.grant_type', `"grant_type" must be ${JWT_BEARER_GRANT}`, {
        param: 'grant_type',
      }),
    )
  const assertion = text(params.assertion)
  if (assertion === null)
    return fail(oauthError('jwt_bearer.assertion_missing', '"assertion" is required', { param: 'assertion' }))
  const scope = text(params.scope)
  return ok({
    assertion,
    scope: parseScopeParam(scope),
    resource: text(params.resource),
  })
}
