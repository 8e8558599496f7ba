// The resource authorization server's RFC 8414 metadata, and where it is published.
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'
import { ID_JAG, JWT_BEARER_GRANT } from '../id-jag/id-jag-names.ts'

/**
 * The well-known URL of an issuer with a path: the well-known segment goes between the host and the
 * path, so `https://as.example/resource-as` is described at
 * `https://as.example/.well-known/oauth-authorization-server/resource-as`.
 * @see RFC 8414 §3.1
 */
export function authorizationServerMetadataUrl(issuer: string): string {
  const url = new URL(issuer)
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')
  return `${url.origin}/.well-known/oauth-authorization-server${path}`
}

/**
 * The resource AS's metadata: its token endpoint and keys, the jwt-bearer grant, the ID-JAG profile,
 * JWT-SVID client authentication and DPoP.
 * @see RFC 8414 §2
 * @see draft-ietf-oauth-identity-assertion-authz-grant §7.2
 * @see RFC 9449 §5.1
 */
export function resourceAsMetadata(issuer: string, scopes: string[]): Record<string, unknown> {
  return {
    issuer,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    grant_types_supported: [JWT_BEARER_GRANT],
    authorization_grant_profiles_supported: [ID_JAG.grantProfile],
    // The JWT-SVID is a JWT client assertion (RFC 7523 §2.2) of type …:jwt-spiffe (draft-ietf-oauth-spiffe-client-auth §3.1).
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['ES256'],
    scopes_supported: scopes,
    dpop_signing_alg_values_supported: [...DPOP_ALGORITHMS],
  }
}
