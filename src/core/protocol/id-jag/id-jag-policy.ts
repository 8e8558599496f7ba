// The IdP's cross-app access policy as data: which agent may get grants to which resource AS, for whom, with which scopes.
import type { SpiffeClient } from './authenticate-spiffe-client.ts'

/** One grant an agent may obtain: an ID-JAG for these users, to this resource AS, for these resources and scopes. */
export interface IdJagGrantRule {
  /** The agent's SPIFFE ID (the `sub` of its JWT-SVID). */
  agent: string
  /** Users (`sub` of the ID token) this rule covers; `*` means any user. */
  users: string[]
  /** The resource authorization server's issuer: the ID-JAG's `aud` (§4.3 `audience`). */
  resourceAs: string
  /** Resource identifiers (RFC 8707) governed by that AS, for example the MCP server's URL. */
  resources: string[]
  /** The most this rule grants; a request may ask for fewer. */
  scopes: string[]
  /** The agent's `client_id` at the resource AS, placed in the ID-JAG (§3.1 `client_id`, §5). */
  clientIdAtResourceAs: string
}

export interface IdJagPolicy {
  /** Clients registered at the IdP; an ID token's `aud` is one of these `clientId`s. */
  clients: SpiffeClient[]
  grants: IdJagGrantRule[]
  /** The oldest sign-in (`auth_time`) an ID-JAG may rest on, in seconds; older asks for step-up (§8.2). */
  maxIdTokenAgeSeconds: number
  /** Lifetime of an issued ID-JAG, in seconds. */
  idJagTtl: number
}

/** The rule letting this agent get an ID-JAG for this user at this resource AS, if any. */
export function findIdJagGrant(
  policy: IdJagPolicy,
  agent: string,
  user: string,
  resourceAs: string,
): IdJagGrantRule | undefined {
  return policy.grants.find(
    (rule) =>
      rule.agent === agent &&
      rule.resourceAs === resourceAs &&
      (rule.users.includes(user) || rule.users.includes('*')),
  )
}
