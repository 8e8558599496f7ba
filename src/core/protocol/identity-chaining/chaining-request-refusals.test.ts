// Domain A's chaining endpoint refuses a request that is not a token exchange for a JWT grant, and reports it.
import { describe, expect, test } from 'vitest'
import type { Decision } from '../trace/decision.ts'
import { createChainingGrantEndpoint } from './chaining-endpoints.ts'
import { AS_A, AS_B, chainingWorld, NOW } from './chaining-fixture.ts'

const world = await chainingWorld()
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token'

async function ask(edit: Record<string, string>) {
  const decisions: Decision<unknown>[] = []
  const endpoint = createChainingGrantEndpoint({
    ...world.grantContext,
    clock: () => NOW * 1000,
    onDecision: (decision) => decisions.push(decision),
  })
  const body = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token: await world.delegatedToken(),
    subject_token_type: ACCESS_TOKEN,
    audience: AS_B,
    ...edit,
  })
  const response = await endpoint(
    new Request(`${AS_A}/chain`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  )
  return { response, decisions }
}

describe('the chaining endpoint refuses a request of the wrong shape as chain.request_invalid', () => {
  test.each([
    ['another grant type', { grant_type: 'client_credentials' }, 'unsupported_grant_type', 'grant_type'],
    [
      'a subject token that is no access token',
      { subject_token_type: 'urn:x' },
      'invalid_request',
      'subject_token_type',
    ],
    [
      'a token type other than a JWT grant',
      { requested_token_type: ACCESS_TOKEN },
      'invalid_request',
      'requested_token_type',
    ],
  ])('refuses %s, on the wire and as a recorded failed check', async (_, edit, code, param) => {
    const { response, decisions } = await ask(edit)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toBe(code)
    expect(decisions).toHaveLength(1)
    const [decision] = decisions
    expect(decision?.ok || decision?.error).toMatchObject({ code, reason: 'chain.request_invalid', param })
    expect(decision?.checks).toEqual([
      expect.objectContaining({ ok: false, reason: 'chain.request_invalid' }),
    ])
  })
})
