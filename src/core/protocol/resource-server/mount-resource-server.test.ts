import { describe, expect, test } from 'vitest'
import { matchRoute } from './match-route.ts'
import { mountResourceServer } from './mount-resource-server.ts'
import { GITHUB_API } from './routes.fixture.ts'

const github = GITHUB_API

describe('mounting a catalog resource server elsewhere', () => {
  test('moves every route under the prefix and keeps the audience and scopes', () => {
    const mounted = mountResourceServer(github, {
      origin: 'http://127.0.0.1:8693/ignored',
      pathPrefix: '/api/',
    })
    expect(mounted.audience).toBe('api.github.com')
    expect(mounted.origin).toBe('http://127.0.0.1:8693')
    expect(mounted.routes.map((route) => [route.method, route.pattern, route.scope])).toEqual([
      ['GET', '/api/repos/:owner/:repo', 'read:repo'],
      ['POST', '/api/repos/:owner/:repo/issues', 'write:issues'],
    ])
    expect(matchRoute(mounted, 'GET', '/api/repos/marwan/playground')).toMatchObject({
      found: true,
      params: { owner: 'marwan', repo: 'playground' },
    })
    expect(matchRoute(mounted, 'GET', '/repos/marwan/playground').found).toBe(false)
  })

  test('without a prefix only the origin moves', () => {
    expect(mountResourceServer(github, { origin: 'http://localhost:1' }).routes[0]!.pattern).toBe(
      '/repos/:owner/:repo',
    )
  })

  test.each(['api', '/api?x=1'])('refuses the prefix %j, which is not an absolute path', (pathPrefix) => {
    expect(() => mountResourceServer(github, { origin: 'http://localhost:1', pathPrefix })).toThrow(
      /absolute path/,
    )
  })
})
