// Maps a validated sandbox configuration onto the core's types: ExchangePolicy, resource servers, workload issuers.
import type { JWK } from 'jose'
import type { ExchangePolicy } from '../../src/core/protocol/idp/exchange-policy.ts'
import type {
  ResourceRoute,
  ResourceServerConfig,
} from '../../src/core/protocol/resource-server/resource-server-config.ts'
import { findResourceServer } from '../../src/core/playground/resource-catalog.ts'
import { SEED_SCENARIO, WORKLOAD_ISSUER } from '../../src/core/playground/scenario/seed-scenario.ts'
import { RESOURCE_PREFIX } from '../endpoints.ts'
import type { SandboxConfigFile } from './config-schema.ts'

/** A resource server and the path prefix the sandbox serves it under. */
export interface MountedResourceServer {
  server: ResourceServerConfig
  mount: string
}

/** What the sandbox is built from. */
export interface SandboxSetup {
  issuer: string | undefined
  policy: ExchangePolicy
  resourceServers: MountedResourceServer[]
  /** The issuer the test actor-token issuer signs as, with the sandbox's own workload key. */
  testWorkloadIssuer: string
  /** Public keys of the other trusted workload issuers, by issuer. */
  foreignWorkloadJwks: Record<string, { keys: JWK[] }>
}

/** Without a configuration: the seed scenario's policy and the catalog's api.github.com at /api. */
export const DEFAULT_SETUP: SandboxSetup = {
  issuer: undefined,
  policy: SEED_SCENARIO.policy,
  resourceServers: [{ server: findResourceServer('api.github.com')!, mount: RESOURCE_PREFIX }],
  testWorkloadIssuer: WORKLOAD_ISSUER,
  foreignWorkloadJwks: {},
}

/** `{name}` in every string of `template` replaced by the path parameter `name`. */
function fillTemplate(template: unknown, params: Record<string, string>): unknown {
  if (typeof template === 'string')
    return template.replace(/\{(\w+)\}/g, (all, key: string) => params[key] ?? all)
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, params))
  if (template !== null && typeof template === 'object')
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, fillTemplate(value, params)]),
    )
  return template
}

function toRoute(route: SandboxConfigFile['resourceServers'][number]['routes'][number]): ResourceRoute {
  const { response } = route
  return {
    method: route.method,
    pattern: route.path,
    scope: route.scope,
    describe: route.describe ?? `${route.method} ${route.path}`,
    ...(response ? { respond: (params) => fillTemplate(response, params) as Record<string, unknown> } : {}),
  }
}

/** The core's values for a configuration that passed `sandboxConfigSchema`. */
export function applyConfig(config: SandboxConfigFile): SandboxSetup {
  const { delegation } = config
  const own = config.workloadIssuers.find((entry) => entry.jwks === undefined)
  return {
    issuer: config.issuer === undefined ? undefined : new URL(config.issuer).origin,
    policy: {
      clients: config.agents.map(({ clientId, spiffeId }) => ({ clientId, spiffeId })),
      delegations: delegation.rules.map((rule) => ({
        actor: rule.actor,
        users: [...rule.users],
        audiences: rule.audiences.map((grant) => ({ ...grant, scopes: [...grant.scopes] })),
      })),
      trustedActorIssuers: config.workloadIssuers.map((entry) => entry.issuer),
      maxTtl: delegation.maxTtlSeconds,
      maxChainDepth: delegation.maxChainDepth,
      requireActorToken: delegation.requireActorToken,
      requireDpop: delegation.requireDpop,
      requireDpopNonce: delegation.requireDpopNonce,
    },
    resourceServers: config.resourceServers.map((server) => ({
      mount: server.mount,
      server: {
        audience: server.audience,
        origin: `https://${server.audience}`,
        routes: server.routes.map(toRoute),
      },
    })),
    // Actor tokens from /demo/actor-token are signed as this issuer; when every trusted issuer brings
    // its own keys, they are signed as the seed's issuer, which the policy then doesn't trust.
    testWorkloadIssuer: own?.issuer ?? WORKLOAD_ISSUER,
    foreignWorkloadJwks: Object.fromEntries(
      config.workloadIssuers.flatMap((entry) =>
        entry.jwks ? [[entry.issuer, { keys: entry.jwks.keys as JWK[] }]] : [],
      ),
    ),
  }
}
