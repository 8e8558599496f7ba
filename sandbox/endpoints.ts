// What the sandbox serves, for the startup banner and `GET /`: one list, so the two can't drift.
import { IDP_PATHS } from '../src/core/protocol/idp/authorization-server-metadata.ts'
import { CROSS_APP_ENDPOINTS } from './cross-app-policy.ts'

export interface EndpointInfo {
  method: string
  path: string
  what: string
  /** Issues tokens to anyone who asks: never expose it where a real client could trust its tokens. */
  testOnly?: true
}

/** The client id the resource server authenticates with at the introspection endpoint. */
export const INTROSPECTION_CLIENT_ID = 'api.github.com'

export const RESOURCE_PREFIX = '/api'

export const ENDPOINTS: readonly EndpointInfo[] = [
  { method: 'GET', path: '/', what: 'this list, as JSON' },
  { method: 'GET', path: IDP_PATHS.metadata, what: 'authorization server metadata (RFC 8414)' },
  { method: 'GET', path: IDP_PATHS.jwks, what: "the IdP's public keys (JWKS)" },
  { method: 'GET', path: '/workload/jwks', what: "the workload issuer's public keys (JWKS)" },
  { method: 'POST', path: IDP_PATHS.token, what: 'token exchange (RFC 8693), with DPoP (RFC 9449)' },
  {
    method: 'POST',
    path: IDP_PATHS.introspection,
    what: `token introspection (RFC 7662), HTTP Basic as ${INTROSPECTION_CLIENT_ID}`,
  },
  {
    method: 'POST',
    path: '/demo/subject-token',
    what: "a user's subject token: sub, scope[, may_act, act, ttl]",
    testOnly: true,
  },
  {
    method: 'POST',
    path: '/demo/actor-token',
    what: "an agent's actor token: spiffe_id[, attestation, ttl]",
    testOnly: true,
  },
  {
    method: 'GET',
    path: `${RESOURCE_PREFIX}/repos/{owner}/{repo}`,
    what: 'protected resource, needs read:repo (audience api.github.com)',
  },
  {
    method: 'POST',
    path: `${RESOURCE_PREFIX}/repos/{owner}/{repo}/issues`,
    what: 'protected resource, needs write:issues',
  },
  { method: 'GET', path: '/audit', what: 'recent audit lines of the IdP and the resource server' },
  ...CROSS_APP_ENDPOINTS,
]
