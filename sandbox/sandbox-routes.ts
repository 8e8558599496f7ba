// The sandbox's fixed routes: each path with its one method and the core handler that answers it.
import type { JWK } from 'jose'
import type { AuditEvent } from '../src/core/protocol/audit/audit-event.ts'
import type { Clock } from '../src/core/protocol/clock.ts'
import type { NonceStore } from '../src/core/protocol/dpop/nonce-store.ts'
import type { ReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import {
  authorizationServerMetadata,
  IDP_PATHS,
} from '../src/core/protocol/idp/authorization-server-metadata.ts'
import {
  createDemoActorTokenIssuer,
  createDemoSubjectTokenIssuer,
} from '../src/core/playground/demo-issuers/demo-issuers.ts'
import type { ExchangePolicy } from '../src/core/protocol/idp/exchange-policy.ts'
import { createIntrospectionEndpoint } from '../src/core/protocol/idp/introspection-endpoint.ts'
import { createTokenService } from '../src/core/protocol/idp/token-endpoint.ts'
import { publicJwks, type KeyRing } from '../src/core/protocol/keys/key-ring.ts'
import { NO_CHECK_LOG } from '../src/core/protocol/trace/check-log.ts'
import type { AuditLog } from './audit-ring.ts'
import { chainingRoutes } from './chaining-routes.ts'
import { keepAudit } from './keep-audit.ts'
import { ENDPOINTS, INTROSPECTION_CLIENT_ID } from './endpoints.ts'

export interface Route {
  method: 'GET' | 'POST'
  handle: FetchHandler
}

export interface RouteContext {
  baseUrl: string
  keys: KeyRing
  policy: ExchangePolicy
  /** The issuer /demo/actor-token signs as, with the sandbox's own workload key. */
  testWorkloadIssuer: string
  /** Public keys of the other workload issuers the policy may trust, by issuer. */
  foreignWorkloadJwks: Readonly<Record<string, { keys: JWK[] }>>
  clock: Clock
  introspectionSecret: string
  replay: ReplayCache
  nonces: NonceStore
  audit: AuditLog
  /** Where a server's audit events go. */
  record: (event: AuditEvent) => void
  /** Where resource servers' audit events go (the MCP servers'); `record` when absent. */
  recordResource?: (event: AuditEvent) => void
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

/** Every fixed path of the sandbox, built on the core's handlers as they are. */
export function sandboxRoutes(ctx: RouteContext): Map<string, Route> {
  const { baseUrl, keys, policy, clock } = ctx
  const idpJwks = publicJwks(keys.idp)
  const workloadJwks = publicJwks(keys.workload)
  const demo = {
    issuer: baseUrl,
    idpKey: keys.idp,
    workloadIssuer: ctx.testWorkloadIssuer,
    workloadKey: keys.workload,
    clock,
  }
  const metadata = authorizationServerMetadata({
    issuer: baseUrl,
    policy,
    introspectionAuthMethods: ['client_secret_basic'],
  })
  const get = (handle: FetchHandler): Route => ({ method: 'GET', handle })
  const post = (handle: FetchHandler): Route => ({ method: 'POST', handle })

  return new Map([
    ['/', get(async () => json({ issuer: baseUrl, endpoints: ENDPOINTS }))],
    [IDP_PATHS.metadata, get(async () => json(metadata))],
    [IDP_PATHS.jwks, get(async () => json(idpJwks))],
    ['/workload/jwks', get(async () => json(workloadJwks))],
    [
      IDP_PATHS.token,
      post(
        keepAudit(
          ctx.record,
          createTokenService({
            issuer: baseUrl,
            policy,
            signingKey: keys.idp,
            idpJwks,
            actorIssuerJwks: { ...ctx.foreignWorkloadJwks, [ctx.testWorkloadIssuer]: workloadJwks },
            clock,
            replay: ctx.replay,
            nonces: ctx.nonces,
            log: NO_CHECK_LOG,
          }),
        ),
      ),
    ],
    [
      IDP_PATHS.introspection,
      post(
        createIntrospectionEndpoint({
          issuer: baseUrl,
          idpJwks,
          clock,
          callers: [{ clientId: INTROSPECTION_CLIENT_ID, secret: ctx.introspectionSecret }],
        }),
      ),
    ],
    ['/demo/subject-token', post(createDemoSubjectTokenIssuer(demo))],
    ['/demo/actor-token', post(createDemoActorTokenIssuer(demo))],
    ['/audit', get(async () => json({ lines: await ctx.audit.recent(clock()) }))],
    ...chainingRoutes(ctx),
  ])
}
