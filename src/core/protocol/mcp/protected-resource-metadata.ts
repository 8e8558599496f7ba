// The MCP server's RFC 9728 protected resource metadata, and where it is published.
import { DPOP_ALGORITHMS } from '../dpop/proof-algorithms.ts'

/**
 * The metadata URL of a resource with a path: `/.well-known/oauth-protected-resource` goes between the
 * host and the path, so `https://x.example/mcp` is described at
 * `https://x.example/.well-known/oauth-protected-resource/mcp`.
 * @see RFC 9728 §3.1
 */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource)
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')
  return `${url.origin}/.well-known/oauth-protected-resource${path}`
}

export interface ProtectedResourceDescription {
  resource: string
  authorizationServers: string[]
  scopes: string[]
  name: string
}

/**
 * The metadata document: the resource, the authorization server that issues its tokens, its scopes, and
 * how tokens are presented.
 * @see RFC 9728 §2
 */
export function protectedResourceMetadata(
  description: ProtectedResourceDescription,
): Record<string, unknown> {
  return {
    resource: description.resource,
    authorization_servers: description.authorizationServers,
    scopes_supported: description.scopes,
    bearer_methods_supported: ['header'],
    resource_name: description.name,
    dpop_signing_alg_values_supported: [...DPOP_ALGORITHMS],
  }
}
