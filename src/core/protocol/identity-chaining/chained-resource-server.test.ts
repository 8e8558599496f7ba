import { describe, expect, test } from 'vitest'
import type { AuditEvent } from '../audit/audit-event.ts'
import type { OAuthError } from '../errors/oauth-error.ts'
import { formatAuditLine } from '../audit/format-audit-line.ts'
import { publicJwks } from '../keys/key-ring.ts'
import { AGENT, AS_B, chainingWorld, NOW, RS_B } from './chaining-fixture.ts'
import { createChainedResourceServer } from './chained-resource-server.ts'
import { issueChainingGrant } from './issue-chaining-grant.ts'
import { redeemChainingGrant } from './redeem-chaining-grant.ts'

const world = await chainingWorld()

function server(scope = 'read:repo') {
  const events: AuditEvent[] = []
  const errors: (OAuthError | null)[] = []
  const handle = createChainedResourceServer({
    issuer: AS_B,
    jwks: publicJwks(world.keyB),
    audience: RS_B,
    scope,
    clock: () => NOW * 1000,
    audit: (event, error) => {
      events.push(event)
      errors.push(error)
    },
  })
  const call = (token: string | null) =>
    handle(
      new Request(`${RS_B}/repos/marwan/playground`, {
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      }),
    )
  return { events, errors, call }
}

async function domainBToken(): Promise<string> {
  const grant = await issueChainingGrant(
    {
      subjectToken: await world.delegatedToken(),
      audience: null,
      resource: AS_B,
      scope: ['read:repo'],
      actorToken: null,
    },
    world.grantContext,
  )
  if (!grant.ok) throw new Error(grant.error.description)
  const token = await redeemChainingGrant(
    { assertion: grant.value.grant, scope: null, resource: null },
    world.redeemContext(),
  )
  if (!token.ok) throw new Error(token.error.description)
  return token.value.accessToken
}

describe('domain B’s resource server', () => {
  test('serves B’s token and audits the user and the agent after both hops', async () => {
    const { events, call } = server()
    const response = await call(await domainBToken())
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ principal: 'b-user-7731', acting_as: AGENT })
    expect(formatAuditLine(events[0]!)).toContain(`principal=b-user-7731 acting_as=${AGENT}`)
  })

  test('refuses domain A’s token used directly, and logs the denial', async () => {
    const { events, errors, call } = server()
    const response = await call(await world.delegatedToken())
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'invalid_token' })
    expect(errors[0]).toMatchObject({ code: 'invalid_token', reason: 'chain.foreign_token' })
    expect(events[0]).toMatchObject({ decision: 'deny', principal: null })
  })

  test('refuses a request without an access token', async () => {
    const { errors, call } = server()
    const response = await call(null)
    expect(response.status).toBe(401)
    expect(errors[0]).toMatchObject({ code: 'invalid_token', reason: 'chain.token_missing' })
  })

  test('refuses B’s token when it lacks the scope the route needs', async () => {
    const { errors, call } = server('write:repo')
    const response = await call(await domainBToken())
    expect(response.status).toBe(403)
    expect(errors[0]).toMatchObject({ code: 'insufficient_scope', reason: 'chain.scope_insufficient' })
  })
})
