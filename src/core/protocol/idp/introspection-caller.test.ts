import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { authenticateIntrospectionCaller } from './introspection-endpoint.ts'

const CALLERS = [{ clientId: 'api.github.com', secret: 's3cret' }]
const asking = (authorization?: string) =>
  new Request('http://127.0.0.1:8693/introspect', {
    method: 'POST',
    headers: authorization === undefined ? {} : { authorization },
  })

describe('the introspection endpoint authenticates its caller (RFC 7662 §2.1)', () => {
  test('accepts the registered caller with its secret', async () => {
    const result = await authenticateIntrospectionCaller(
      asking(`Basic ${btoa('api.github.com:s3cret')}`),
      CALLERS,
    )
    expect(result).toEqual({ ok: true, value: CALLERS[0] })
  })

  test.each<[string, string | undefined, Reason]>([
    ['no credentials at all', undefined, 'client.authentication_missing'],
    ['a Bearer token where Basic credentials belong', 'Bearer abc', 'client.authentication_missing'],
    ['Basic credentials that are not Base64', 'Basic ###', 'client.authentication_malformed'],
    ['Basic credentials with no colon', `Basic ${btoa('api.github.com')}`, 'client.authentication_malformed'],
    ['a wrong secret', `Basic ${btoa('api.github.com:nope')}`, 'client.authentication_failed'],
    ['a caller nobody registered', `Basic ${btoa('evil.example:s3cret')}`, 'client.authentication_failed'],
  ])('refuses %s as invalid_client', async (_, authorization, reason) => {
    const result = await authenticateIntrospectionCaller(asking(authorization), CALLERS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'invalid_client', status: 401, reason })
  })
})
