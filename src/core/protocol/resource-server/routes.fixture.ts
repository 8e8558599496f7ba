// Test fixture: resource servers with routes, so the resource server's tests need no playground catalog.
import type { ResourceServerConfig } from './resource-server-config.ts'

/** A GitHub-like API: read a repository with read:repo, open an issue with write:issues. */
export const GITHUB_API: ResourceServerConfig = {
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
}

/** A deploy service with one route. */
export const DEPLOY_API: ResourceServerConfig = {
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
}
