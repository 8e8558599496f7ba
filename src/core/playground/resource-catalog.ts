// The demo resource servers the playground can call (api.github.com, a deploy service), by audience.
import type { ResourceServerConfig } from '../protocol/resource-server/resource-server-config.ts'

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
