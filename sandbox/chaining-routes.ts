// The sandbox's cross-domain and in-domain routes: domain B's AS and RS, the TTS, and two internal services.
import { publicJwks, createSigningKey, type SigningKey } from '../src/core/protocol/keys/key-ring.ts'
import { createReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import { createChainedResourceServer } from '../src/core/protocol/identity-chaining/chained-resource-server.ts'
import {
  chainedAsMetadata,
  createChainedTokenEndpoint,
  createChainingGrantEndpoint,
  metadataUrl,
} from '../src/core/protocol/identity-chaining/chaining-endpoints.ts'
import { createInternalService } from '../src/core/protocol/txn-token/internal-service.ts'
import { createTransactionTokenService } from '../src/core/protocol/txn-token/tts-endpoint.ts'
import type { Route, RouteContext } from './sandbox-routes.ts'

/** Where each part lives under the sandbox's origin; the issuers have paths, so metadata goes per RFC 8414 §3.1. */
export const CHAINING_PATHS = {
  grant: '/chaining/token',
  domainB: '/domain-b',
  domainBApi: '/domain-b-api',
  tts: '/tts',
  services: { reader: '/internal/repo-reader', writer: '/internal/issue-writer' },
} as const

/** The trust domain the sandbox's Txn-Tokens are valid in. */
export const SANDBOX_TRUST_DOMAIN = 'trust-domain.sandbox.example'
/** How domain A's user is known in domain B, after each AS transcribes the subject. */
export const SANDBOX_SUBJECTS = { inGrant: 'marwan@domain-a.example', atB: 'b-user-7731' } as const

const SCOPES = ['read:repo', 'write:issues']

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

/** A handler whose keys are made on first use: the sandbox's key ring holds only the seed's keys. */
function withKey(key: Promise<SigningKey>, build: (key: SigningKey) => FetchHandler): FetchHandler {
  let handler: Promise<FetchHandler> | null = null
  return async (request) => (await (handler ??= key.then(build)))(request)
}

/** The routes, to spread into the sandbox's route map. */
export function chainingRoutes(ctx: RouteContext): [string, Route][] {
  const { baseUrl, keys, clock } = ctx
  const domainB = `${baseUrl}${CHAINING_PATHS.domainB}`
  const domainBApi = `${baseUrl}${CHAINING_PATHS.domainBApi}`
  const tts = `${baseUrl}${CHAINING_PATHS.tts}`
  const keyB = createSigningKey()
  const keyTts = createSigningKey()
  const idpJwks = publicJwks(keys.idp)
  const get = (handle: FetchHandler): Route => ({ method: 'GET', handle })
  const post = (handle: FetchHandler): Route => ({ method: 'POST', handle })
  const path = (url: string) => new URL(url).pathname
  const audit = (event: Parameters<RouteContext['record']>[0]) => ctx.record(event)

  const service = (name: string, scope: string) =>
    post(
      withKey(keyTts, (key) =>
        createInternalService({
          name,
          issuer: tts,
          jwks: publicJwks(key),
          trustDomain: SANDBOX_TRUST_DOMAIN,
          scope,
          clock,
          audit,
        }),
      ),
    )

  return [
    [
      CHAINING_PATHS.grant,
      post(
        createChainingGrantEndpoint({
          issuer: baseUrl,
          signingKey: keys.idp,
          jwks: idpJwks,
          peers: [
            {
              issuer: domainB,
              names: ['domain-b'],
              scopes: SCOPES,
              subjects: { u_marwan: SANDBOX_SUBJECTS.inGrant },
            },
            // A domain A also chains to, which this sandbox does not serve: its grants must fail at B.
            { issuer: `${baseUrl}/domain-c`, names: ['domain-c'], scopes: SCOPES, subjects: {} },
          ],
          grantTtl: 60,
          actorProfile: null,
          clock,
        }),
      ),
    ],
    [path(metadataUrl(domainB)), get(async () => json(chainedAsMetadata(domainB, SCOPES)))],
    [`${CHAINING_PATHS.domainB}/jwks`, get(async () => json(publicJwks(await keyB)))],
    [
      `${CHAINING_PATHS.domainB}/token`,
      post(
        withKey(keyB, (signingKey) =>
          createChainedTokenEndpoint({
            issuer: domainB,
            signingKey,
            trustedIssuers: { [baseUrl]: idpJwks },
            replay: createReplayCache(),
            resourceAudience: domainBApi,
            scopes: SCOPES,
            subjects: { [SANDBOX_SUBJECTS.inGrant]: SANDBOX_SUBJECTS.atB },
            maxTtl: 300,
            actorProfile: null,
            clock,
          }),
        ),
      ),
    ],
    // RFC 9728 §3.1: the protected resource's metadata, naming the AS that issues its tokens.
    [
      `/.well-known/oauth-protected-resource${CHAINING_PATHS.domainBApi}`,
      get(async () =>
        json({ resource: domainBApi, authorization_servers: [domainB], scopes_supported: SCOPES }),
      ),
    ],
    [
      `${CHAINING_PATHS.domainBApi}/repos/marwan/playground`,
      get(
        withKey(keyB, (key) =>
          createChainedResourceServer({
            issuer: domainB,
            jwks: publicJwks(key),
            audience: domainBApi,
            scope: 'read:repo',
            clock,
            audit,
          }),
        ),
      ),
    ],
    [`${CHAINING_PATHS.tts}/jwks`, get(async () => json(publicJwks(await keyTts)))],
    [
      `${CHAINING_PATHS.tts}/token`,
      post(
        withKey(keyTts, (signingKey) =>
          createTransactionTokenService({
            issuer: tts,
            trustDomain: SANDBOX_TRUST_DOMAIN,
            signingKey,
            jwks: publicJwks(signingKey),
            accessTokenIssuer: baseUrl,
            accessTokenJwks: idpJwks,
            accessTokenAudience: 'api.github.com',
            workloads: ['api-gateway', 'repo-reader'],
            ttl: 60,
            clock,
          }),
        ),
      ),
    ],
    [CHAINING_PATHS.services.reader, service('repo-reader', 'read:repo')],
    [CHAINING_PATHS.services.writer, service('issue-writer', 'write:issues')],
  ]
}
