import { describe, expect, test } from 'vitest'
import { matchRoute } from './match-route.ts'
import { DEPLOY_API, GITHUB_API } from './routes.fixture.ts'

const github = GITHUB_API

describe('matchRoute', () => {
  test.each([
    ['GET', '/repos/marwan/playground', 'read:repo', { owner: 'marwan', repo: 'playground' }],
    ['POST', '/repos/marwan/playground/issues', 'write:issues', { owner: 'marwan', repo: 'playground' }],
    ['GET', '/repos/marwan/play%20ground', 'read:repo', { owner: 'marwan', repo: 'play ground' }],
  ])('matches %s %s to the route needing %s', (method, path, scope, params) => {
    const match = matchRoute(github, method, path)
    expect(match.found && { scope: match.route.scope, params: match.params }).toEqual({ scope, params })
  })

  test('matches the deployment route of the deploy server', () => {
    const match = matchRoute(DEPLOY_API, 'POST', '/deployments/staging')
    expect(match.found && match.route.respond?.(match.params)).toEqual({
      deployment: { environment: 'staging', status: 'queued' },
    })
  })

  test.each([
    '/repos/marwan',
    '/repos/marwan/playground/extra',
    '/repos//playground',
    '/repos/marwan/%E0%A4%A',
  ])('answers a plain HTTP 404, not an OAuth error, for %s', (path) => {
    const match = matchRoute(github, 'GET', path)
    expect(!match.found && match.error).toEqual({
      reason: 'http.not_found',
      status: 404,
      spec: { doc: 'RFC 9110', section: '15.5.5' },
      explanation: `api.github.com has no route matching GET ${path}.`,
      description: `No resource at ${path}`,
    })
  })

  test('answers 405 with the allowed methods for a path that exists for another method', () => {
    const match = matchRoute(github, 'POST', '/repos/marwan/playground')
    expect(!match.found && match).toMatchObject({
      allow: ['GET'],
      error: {
        reason: 'http.method_not_allowed',
        status: 405,
        description: 'Method POST is not allowed on /repos/marwan/playground',
      },
    })
  })
})
