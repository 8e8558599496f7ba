// Cross-app access in the sandbox: the IdP's /token also issues ID-JAGs, plus the resource AS, two MCP servers and a test ID-token issuer.
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import { createIdJagEndpoint } from '../src/core/protocol/id-jag/id-jag-endpoint.ts'
import { dispatchIdpTokenRequest } from '../src/core/protocol/id-jag/idp-token-dispatch.ts'
import { IDP_PATHS } from '../src/core/protocol/idp/authorization-server-metadata.ts'
import { createSigningKey, publicJwks } from '../src/core/protocol/keys/key-ring.ts'
import { protectedResourceMetadata } from '../src/core/protocol/mcp/protected-resource-metadata.ts'
import { resourceAsMetadata } from '../src/core/protocol/resource-as/resource-as-metadata.ts'
import { createResourceAsTokenEndpoint } from '../src/core/protocol/resource-as/resource-as-token-endpoint.ts'
import {
  CROSS_APP_PATHS as P,
  MCP_SCOPE,
  sandboxIdJagPolicy,
  sandboxResourceAsPolicy,
} from './cross-app-policy.ts'
import { createDemoIdTokenIssuer } from './demo-id-token.ts'
import { createMcpEndpoint } from './mcp-endpoint.ts'
import type { Route, RouteContext } from './sandbox-routes.ts'

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })
const get = (handle: FetchHandler): Route => ({ method: 'GET', handle })
const post = (handle: FetchHandler): Route => ({ method: 'POST', handle })

/**
 * Adds cross-app access to the sandbox's routes: wraps the IdP's `/token` so ID-JAG requests reach the
 * ID-JAG endpoint (and its own ID-JAGs are never redeemed there), and mounts the resource AS, the MCP
 * servers and the test ID-token issuer. `/demo/actor-token`'s `aud` addresses a JWT-SVID to the resource AS.
 */
export function withCrossAppRoutes(routes: Map<string, Route>, ctx: RouteContext): Map<string, Route> {
  const { baseUrl, keys, clock, replay } = ctx
  const resourceAs = `${baseUrl}${P.resourceAs}`
  const rasPolicy = sandboxResourceAsPolicy(baseUrl)
  const workloadIssuers = { ...ctx.foreignWorkloadJwks, [ctx.testWorkloadIssuer]: publicJwks(keys.workload) }
  // The resource AS signs with a key of its own, made once per start like every demo key.
  const rasKey = createSigningKey()
  const rasJwks = rasKey.then((key) => publicJwks(key))
  const record = ctx.recordResource ?? ctx.record

  const idJag = createIdJagEndpoint({
    issuer: baseUrl,
    policy: sandboxIdJagPolicy(baseUrl),
    idpJwks: publicJwks(keys.idp),
    workloadIssuers,
    signingKey: keys.idp,
    clock,
    replay,
    // Every ID-JAG decision, issued or refused, goes to the audit log as the IdP's exchanges do.
    onDecision: (decision) => ctx.record(decision.audit),
  })
  const exchange = routes.get(IDP_PATHS.token)!.handle
  const rasToken: FetchHandler = async (request) =>
    createResourceAsTokenEndpoint({
      issuer: resourceAs,
      policy: rasPolicy,
      trustedIdps: { [baseUrl]: publicJwks(keys.idp) },
      workloadIssuers,
      signingKey: await rasKey,
      clock,
      replay,
      onDecision: (_error, audit) => ctx.record(audit),
    })(request)
  const mcp = (path: string) =>
    createMcpEndpoint({
      resource: `${baseUrl}${path}`,
      resourceAsIssuer: resourceAs,
      resourceAsJwks: () => rasJwks,
      requiredScope: MCP_SCOPE,
      clock,
      replay,
      record,
    })
  const mcpMetadata = (path: string, name: string) =>
    protectedResourceMetadata({
      resource: `${baseUrl}${path}`,
      authorizationServers: [resourceAs],
      scopes: rasPolicy.resources[0]!.scopes,
      name,
    })

  return new Map([
    ...routes,
    [IDP_PATHS.token, post(dispatchIdpTokenRequest({ issuer: baseUrl, exchange, idJag }))],
    [P.idToken, post(createDemoIdTokenIssuer({ issuer: baseUrl, idpKey: keys.idp, clock }))],
    [
      P.resourceAsMetadata,
      get(async () => json(resourceAsMetadata(resourceAs, rasPolicy.resources[0]!.scopes))),
    ],
    [P.resourceAsJwks, get(async () => json(await rasJwks))],
    [P.resourceAsToken, post(rasToken)],
    [P.mcpMetadata, get(async () => json(mcpMetadata(P.mcp, 'Repository MCP server')))],
    [P.mcp, post(mcp(P.mcp))],
    [P.otherMcpMetadata, get(async () => json(mcpMetadata(P.otherMcp, 'Another MCP server')))],
    [P.otherMcp, post(mcp(P.otherMcp))],
  ])
}
