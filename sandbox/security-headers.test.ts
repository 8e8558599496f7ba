import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { contentSecurityPolicy } from '../build/content-security-policy.ts'
import { postForm, startTestSandbox } from './sandbox-fixture.ts'
import type { RunningSandbox } from './start-sandbox.ts'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

const at = (path: string) => `${sandbox.issuer}${path}`

describe('the sandbox sends the page’s Content Security Policy as a header', () => {
  test.each([
    ['the endpoint list', () => fetch(at('/')), 200, 'content-type', /^application\/json/],
    [
      'a token endpoint refusal',
      () => postForm(at('/token'), 'grant_type=x'),
      400,
      'cache-control',
      /no-store/,
    ],
    ['an unknown path', () => fetch(at('/nowhere')), 404, 'content-type', /json/],
    ['a wrong method', () => fetch(at('/token')), 405, 'allow', /^POST$/],
    [
      'a resource without a token',
      () => fetch(at('/api/repos/marwan/playground')),
      401,
      'www-authenticate',
      /DPoP algs=/,
    ],
  ] as const)('on %s, keeping the route’s own headers', async (_, send, status, kept, value) => {
    const response = await send()
    expect(response.status).toBe(status)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'))
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get(kept)).toMatch(value)
    await response.text()
  })
})
