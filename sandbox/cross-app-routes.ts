// Cross-app access in the sandbox: the IdP's /token also issues ID-JAGs, plus the resource AS, two MCP servers and a test ID-token issuer.
import { epochSeconds } from '../src/core/protocol/clock.ts'
import { oauthErrorResponse } from '../src/core/protocol/errors/error-response.ts'
import { oauthError } from '../src/core/protocol/errors/oauth-error.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import { readBodyParams } from '../src/core/protocol/http/read-body-params.ts'
import { createIdJagEndpoint } from '../src/core/protocol/id-jag/id-jag-endpoint.ts'
import { dispatchIdpTokenRequest } from '../src/core/protocol/id-jag/idp-token-dispatch.ts'
import { IDP_PATHS } from '../src/core/protocol/idp/authorization-server-metadata.ts'
import { createSigningKey, publicJwks } from '../src/core/protocol/keys/key-ring.ts'
import { protectedResourceMetadata } from '../src/core/protocol/mcp/protected-resource-metadata.ts'
import { resourceAsMetadata } from '../src/core/protocol/resource-as/resource-as-metadata.ts'
import { createResourceAsTokenEndpoint } from '../src/core/protocol/resource-as/resource-as-token-endpoint.ts'
import { mintActorToken } from '../src/core/protocol/tokens/mint-actor-token.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'
import { parseDemoActorTokenRequest } from '../src/core/playground/demo-issuers/demo-token-requests.ts'
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
 * ID-JAG endpoint (and its own ID-JAGs are never redeemed there), lets `/demo/actor-token` address a
 * JWT-SVID to the resource AS with `aud`, and mounts the resource AS and the MCP servers.
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
  const actorToken = routes.get('/demo/actor-token')!.handle

  return new Map([
    ...routes,
    [IDP_PATHS.token, post(dispatchIdpTokenRequest({ issuer: baseUrl, exchange, idJag }))],
    ['/demo/actor-token', post(actorTokenFor([baseUrl, resourceAs], actorToken, ctx))],
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

/**
 * TEST ONLY. `/demo/actor-token` with an `aud`: the same JWT-SVID, addressed to the IdP or to the resource
 * AS, so the agent can authenticate at either. Without `aud` the original issuer answers as before.
 * @see draft-ietf-oauth-spiffe-client-auth §3.1 (the SVID's `aud` is the authorization server)
 */
function actorTokenFor(audiences: string[], original: FetchHandler, ctx: RouteContext): FetchHandler {
  return async (request) => {
    const params = await readBodyParams(request.clone(), { json: true, maxBytes: 16 * 1024 })
    if (!params.ok || params.value.aud === undefined) return original(request)
    const { aud, ...rest } = params.value
    if (typeof aud !== 'string' || !audiences.includes(aud))
      return oauthErrorResponse({
        ...oauthError('demo.invalid_parameter', `"aud" must be one of ${audiences.join(', ')}`),
        param: 'aud',
      })
    const parsed = parseDemoActorTokenRequest(rest)
    if (!parsed.ok) return oauthErrorResponse(parsed.error)
    return json({
      actor_token: await mintActorToken(ctx.keys.workload, {
        issuer: ctx.testWorkloadIssuer,
        spiffeId: parsed.value.spiffeId,
        audience: aud,
        attestation: parsed.value.attestation,
        iat: epochSeconds(ctx.clock),
        ttl: parsed.value.ttl,
      }),
      actor_token_type: TOKEN_TYPE.jwt,
      expires_in: parsed.value.ttl,
    })
  }
}
