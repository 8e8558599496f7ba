import { describe, expect, test } from 'vitest'
import { findResourceServer, RESOURCE_SERVERS } from './catalog.ts'
import { matchRoute } from './match-route.ts'

const github = findResourceServer('api.github.com')!

describe('the resource server catalog', () => {
  test('knows api.github.com and deploy.lab.marwandiallo.com by audience', () => {
    expect(RESOURCE_SERVERS.map((server) => [server.audience, server.origin])).toEqual([
      ['api.github.com', 'https://api.github.com'],
      ['deploy.lab.marwandiallo.com', 'https://deploy.lab.marwandiallo.com'],
    ])
    expect(findResourceServer('nowhere.example')).toBeUndefined()
  })
})

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
    const match = matchRoute(
      findResourceServer('deploy.lab.marwandiallo.com')!,
      'POST',
      '/deployments/staging',
    )
    expect(match.found && match.route.respond?.(match.params)).toEqual({
      deployment: { environment: 'staging', status: 'queued' },
    })
  })

  test.each([
    '/repos/marwan',
    '/repos/marwan/playground/extra',
    '/repos//playground',
    '/repos/marwan/%E0%A4%A',
  ])('answers 404 for %s', (path) => {
    const match = matchRoute(github, 'GET', path)
    expect(!match.found && match.error).toMatchObject({
      code: 'invalid_request',
      status: 404,
      description: `No resource at ${path}`,
    })
  })

  test('answers 405 with the allowed methods for a path that exists for another method', () => {
    const match = matchRoute(github, 'POST', '/repos/marwan/playground')
    expect(!match.found && match).toMatchObject({
      allow: ['GET'],
      error: { status: 405, description: 'Method POST is not allowed on /repos/marwan/playground' },
    })
  })
})
