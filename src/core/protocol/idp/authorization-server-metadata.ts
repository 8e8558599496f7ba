// The IdP's RFC 8414 metadata document: where its endpoints are and what it supports.
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'
import { TOKEN_EXCHANGE_GRANT } from '../tokens/token-types.ts'
import type { ExchangePolicy } from './exchange-policy.ts'
import { tokenEndpointUrl } from './token-endpoint.ts'

/** Where the IdP's endpoints live under an issuer, so the metadata and the router agree. */
export const IDP_PATHS = {
  metadata: '/.well-known/oauth-authorization-server',
  token: '/token',
  jwks: '/jwks',
  introspection: '/introspect',
} as const

const under = (issuer: string, path: string) => `${issuer.replace(/\/$/, '')}${path}`

export interface MetadataInput {
  /** The issuer identifier: an https (or, for a local sandbox, http) URL with no query or fragment. */
  issuer: string
  policy: ExchangePolicy
  /** How callers authenticate to the introspection endpoint (RFC 8414 §2). */
  introspectionAuthMethods: string[]
}

/**
 * The well-known URL of an issuer's metadata. For an issuer with a path, RFC 8414 inserts the
 * well-known segment between host and path.
 * @see RFC 8414 §3
 */
export function metadataUrl(issuer: string): string {
  const url = new URL(issuer)
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')
  return `${url.origin}${IDP_PATHS.metadata}${path}`
}

/**
 * Builds the authorization server metadata. The agent is a public client (`none`): it is identified by
 * `client_id` and its actor token, and its tokens are bound with DPoP. `response_types_supported` is
 * required by §2 but empty here: this IdP has no authorization endpoint, only token exchange.
 * @see RFC 8414 §2
 * @see RFC 8693 §2.1 (the grant type)
 * @see RFC 9449 §5.1 (dpop_signing_alg_values_supported)
 * @see RFC 7662 §4 (introspection_endpoint)
 */
export function authorizationServerMetadata(input: MetadataInput): Record<string, unknown> {
  const { issuer, policy } = input
  const scopes = new Set(
    policy.delegations.flatMap((rule) => rule.audiences.flatMap((grant) => grant.scopes)),
  )
  return {
    issuer,
    token_endpoint: tokenEndpointUrl(issuer),
    jwks_uri: under(issuer, IDP_PATHS.jwks),
    grant_types_supported: [TOKEN_EXCHANGE_GRANT],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...scopes].sort(),
    dpop_signing_alg_values_supported: [...DPOP_ALGORITHMS],
    introspection_endpoint: under(issuer, IDP_PATHS.introspection),
    introspection_endpoint_auth_methods_supported: input.introspectionAuthMethods,
  }
}
