// The resource authorization server's configuration as data: whom it trusts, its clients, its resources.
import type { SpiffeClient } from '../id-jag/authenticate-spiffe-client.ts'

/** A protected resource this AS issues tokens for (an MCP server), and the scopes it defines. */
export interface GovernedResource {
  /** Its resource identifier (RFC 8707 §2, RFC 9728 §2 `resource`): the access token's `aud`. */
  resource: string
  scopes: string[]
}

export interface ResourceAsPolicy {
  /** Clients registered here: `clientId` is what ID-JAGs name in `client_id`. */
  clients: SpiffeClient[]
  resources: GovernedResource[]
  /** Lifetime of the access tokens it mints, in seconds. */
  accessTokenTtl: number
}
