// The resource servers the playground can call, their routes, and the scope each route needs.

export interface ResourceRoute {
  method: 'GET' | 'POST'
  /** A path with `:name` segments, for example `/repos/:owner/:repo`. */
  pattern: string
  /** The scope a token must carry to use this route (RFC 6750 §3.1 `insufficient_scope` otherwise). */
  scope: string
  /** What the route does, in a few words, for people. */
  describe: string
  /** The JSON body a successful call returns, from the path's parameters (default: the path and parameters). */
  respond?: (params: Record<string, string>) => Record<string, unknown>
}

export interface ResourceServerConfig {
  /** The audience it answers to: a token's `aud` must include it (RFC 9068 §4). */
  audience: string
  origin: string
  routes: ResourceRoute[]
}

/**
 * Every resource server the scenario can target, by audience.
 * @see RFC 8707 §2
 */
export const RESOURCE_SERVERS: ResourceServerConfig[] = [
  {
    audience: 'api.github.com',
    origin: 'https://api.github.com',
    routes: [
      {
        method: 'GET',
        pattern: '/repos/:owner/:repo',
        scope: 'read:repo',
        describe: 'Read a repository',
        respond: ({ owner, repo }) => ({
          repository: `${owner}/${repo}`,
          default_branch: 'main',
          visibility: 'private',
        }),
      },
      {
        method: 'POST',
        pattern: '/repos/:owner/:repo/issues',
        scope: 'write:issues',
        describe: 'Open an issue on a repository',
        respond: ({ owner, repo }) => ({
          repository: `${owner}/${repo}`,
          issue: { number: 42, state: 'open' },
        }),
      },
    ],
  },
  {
    audience: 'deploy.lab.marwandiallo.com',
    origin: 'https://deploy.lab.marwandiallo.com',
    routes: [
      {
        method: 'POST',
        pattern: '/deployments/:env',
        scope: 'deploy:staging',
        describe: 'Start a deployment',
        respond: ({ env }) => ({ deployment: { environment: env, status: 'queued' } }),
      },
    ],
  },
]

/**
 * The resource server answering to `audience`, if the catalog has one.
 * @see RFC 8707 §2
 */
export function findResourceServer(audience: string): ResourceServerConfig | undefined {
  return RESOURCE_SERVERS.find((server) => server.audience === audience)
}
