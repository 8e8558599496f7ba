// The sandbox's cross-app access setup as data: the IdP's ID-JAG grants and the resource AS's clients and MCP servers.
import type { IdJagPolicy } from '../src/core/protocol/id-jag/id-jag-policy.ts'
import type { ResourceAsPolicy } from '../src/core/protocol/resource-as/resource-as-policy.ts'
import { CODE_REVIEWER, TEST_RUNNER } from '../src/core/playground/scenario/seed-scenario.ts'

/** Where each cross-app access party lives under the sandbox's base URL. */
export const CROSS_APP_PATHS = {
  resourceAs: '/resource-as',
  resourceAsToken: '/resource-as/token',
  resourceAsJwks: '/resource-as/jwks',
  resourceAsMetadata: '/.well-known/oauth-authorization-server/resource-as',
  mcp: '/mcp',
  mcpMetadata: '/.well-known/oauth-protected-resource/mcp',
  /** A second MCP server of the same resource AS, so a token for one can be tried at the other. */
  otherMcp: '/other-mcp',
  otherMcpMetadata: '/.well-known/oauth-protected-resource/other-mcp',
  idToken: '/demo/id-token',
} as const

/** A resource AS the IdP grants to but the sandbox does not run: its ID-JAGs are refused here (`aud`). */
export const FOREIGN_RESOURCE_AS = 'https://other-as.example'

/** The scope the MCP servers' tool needs. */
export const MCP_SCOPE = 'read:repo'

/**
 * The IdP's policy: the code reviewer may get ID-JAGs for `u_marwan` to this resource AS (and to a foreign
 * one), the test runner for anyone with `read:repo` only; sign-ins older than an hour ask for step-up.
 */
export function sandboxIdJagPolicy(baseUrl: string): IdJagPolicy {
  const resourceAs = `${baseUrl}${CROSS_APP_PATHS.resourceAs}`
  const resources = [`${baseUrl}${CROSS_APP_PATHS.mcp}`, `${baseUrl}${CROSS_APP_PATHS.otherMcp}`]
  return {
    clients: [
      { clientId: 'a_code_reviewer', spiffeId: CODE_REVIEWER },
      { clientId: 'a_test_runner', spiffeId: TEST_RUNNER },
    ],
    grants: [
      {
        agent: CODE_REVIEWER,
        users: ['u_marwan'],
        resourceAs,
        resources,
        scopes: ['read:repo', 'write:issues'],
        clientIdAtResourceAs: 'mcp_code_reviewer',
      },
      {
        agent: CODE_REVIEWER,
        users: ['u_marwan'],
        resourceAs: FOREIGN_RESOURCE_AS,
        resources: [`${FOREIGN_RESOURCE_AS}/mcp`],
        scopes: ['read:repo'],
        clientIdAtResourceAs: 'foreign_code_reviewer',
      },
      {
        agent: TEST_RUNNER,
        users: ['*'],
        resourceAs,
        resources,
        scopes: ['read:repo'],
        clientIdAtResourceAs: 'mcp_test_runner',
      },
    ],
    maxIdTokenAgeSeconds: 3600,
    idJagTtl: 300,
  }
}

/** The resource AS: both agents registered, two MCP servers governed, ten-minute access tokens. */
export function sandboxResourceAsPolicy(baseUrl: string): ResourceAsPolicy {
  const scopes = ['read:repo', 'write:issues']
  return {
    clients: [
      { clientId: 'mcp_code_reviewer', spiffeId: CODE_REVIEWER },
      { clientId: 'mcp_test_runner', spiffeId: TEST_RUNNER },
    ],
    resources: [
      { resource: `${baseUrl}${CROSS_APP_PATHS.mcp}`, scopes },
      { resource: `${baseUrl}${CROSS_APP_PATHS.otherMcp}`, scopes },
    ],
    accessTokenTtl: 600,
  }
}

/** The cross-app access endpoints, for the startup banner and `GET /`. */
export const CROSS_APP_ENDPOINTS = [
  {
    method: 'POST',
    path: CROSS_APP_PATHS.idToken,
    what: "a user's ID token: sub[, amr, auth_time, client_id]",
    testOnly: true,
  },
  {
    method: 'GET',
    path: CROSS_APP_PATHS.resourceAsMetadata,
    what: 'resource authorization server metadata (RFC 8414 §3.1)',
  },
  { method: 'GET', path: CROSS_APP_PATHS.resourceAsJwks, what: "the resource AS's public keys (JWKS)" },
  {
    method: 'POST',
    path: CROSS_APP_PATHS.resourceAsToken,
    what: 'JWT bearer grant with an ID-JAG (RFC 7523), with DPoP',
  },
  { method: 'GET', path: CROSS_APP_PATHS.mcpMetadata, what: 'MCP server metadata (RFC 9728)' },
  { method: 'POST', path: CROSS_APP_PATHS.mcp, what: 'MCP server (Streamable HTTP), tool get_repository' },
  { method: 'POST', path: CROSS_APP_PATHS.otherMcp, what: 'a second MCP server of the same resource AS' },
] as const
