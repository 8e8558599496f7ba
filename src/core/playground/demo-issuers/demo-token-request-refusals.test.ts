import { describe, expect, test } from 'vitest'
import { parseDemoActorTokenRequest, parseDemoSubjectTokenRequest } from './demo-token-requests.ts'

const NOW = 1_778_451_181

describe('the test issuers refuse what they cannot mint as demo.invalid_parameter', () => {
  test.each([
    [
      'a subject token request with no "sub"',
      () => parseDemoSubjectTokenRequest({ scope: 'read:repo' }, NOW),
    ],
    [
      'a subject token request with a parameter the endpoint does not take',
      () => parseDemoSubjectTokenRequest({ sub: 'u_marwan', admin: 'true' }, NOW),
    ],
    [
      'an actor token request whose SPIFFE ID has a dot segment',
      () => parseDemoActorTokenRequest({ spiffe_id: 'spiffe://prod/../admin' }, NOW),
    ],
    [
      'an actor token request good for more than an hour',
      () => parseDemoActorTokenRequest({ spiffe_id: 'spiffe://prod/agent/a', ttl: 3601 }, NOW),
    ],
  ])('refuses %s', (_, parse) => {
    const result = parse()
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({
      code: 'invalid_request',
      status: 400,
      reason: 'demo.invalid_parameter',
    })
  })
})
