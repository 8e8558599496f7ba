import { decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { JWT_BEARER_GRANT, parseJwtBearerRequest } from '../jwt-bearer/jwt-bearer-request.ts'
import { AGENT_ACT, AS_B, chainingWorld, RS_B } from './chaining-fixture.ts'
import { issueChainingGrant } from './issue-chaining-grant.ts'
import { redeemChainingGrant, type RedeemContext } from './redeem-chaining-grant.ts'

const world = await chainingWorld()

async function grantFor(resource = AS_B, scope = ['read:repo']): Promise<string> {
  const subjectToken = await world.delegatedToken()
  const peers = [world.peerB, { ...world.peerB, issuer: resource }]
  const decision = await issueChainingGrant(
    { subjectToken, audience: null, resource, scope, actorToken: null },
    { ...world.grantContext, peers },
  )
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value.grant
}

const redeem = (
  assertion: string,
  scope: string[] | null = null,
  ctx: RedeemContext = world.redeemContext(),
) => redeemChainingGrant({ assertion, scope, resource: null }, ctx)

describe('domain B redeems the grant (RFC 7523 jwt-bearer)', () => {
  test('mints an access token for B’s RS with B’s subject and the same act', async () => {
    const decision = await redeem(await grantFor())
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    const claims = decodeJwt(decision.value.accessToken)
    expect(claims).toMatchObject({
      iss: AS_B,
      aud: RS_B,
      sub: 'b-user-7731',
      scope: 'read:repo',
      act: AGENT_ACT,
    })
  })

  test('refuses the same grant twice', async () => {
    const ctx = world.redeemContext()
    const grant = await grantFor()
    expect((await redeem(grant, null, ctx)).ok).toBe(true)
    const again = await redeem(grant, null, ctx)
    expect(again.ok || again.error).toMatchObject({ code: 'invalid_grant', reason: 'chain.grant_replayed' })
  })

  test('refuses a grant made for a third domain', async () => {
    const decision = await redeem(await grantFor('https://as.c.example'))
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.grant_audience_mismatch',
    })
  })

  test('refuses a scope wider than the grant', async () => {
    const decision = await redeem(await grantFor(), ['read:repo', 'write:issues'])
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_scope',
      reason: 'chain.scope_widened',
    })
  })

  test('refuses domain A’s access token presented as the grant', async () => {
    const decision = await redeem(await world.delegatedToken())
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.foreign_token',
    })
  })

  test('refuses a grant from an issuer B has no trust with', async () => {
    const ctx = { ...world.redeemContext(), trustedIssuers: {} }
    const decision = await redeem(await grantFor(), null, ctx)
    expect(decision.ok || decision.error).toMatchObject({ reason: 'chain.grant_untrusted_issuer' })
  })

  test('refuses an expired grant', async () => {
    const ctx = { ...world.redeemContext(), nowSeconds: world.grantContext.nowSeconds + 120 }
    const decision = await redeem(await grantFor(), null, ctx)
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.grant_expired',
    })
  })

  test('refuses a subject it cannot identify', async () => {
    const ctx = { ...world.redeemContext(), subjects: {} }
    const decision = await redeem(await grantFor(), null, ctx)
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.unknown_subject',
    })
  })

  test('refuses to splice the act chain when minting', async () => {
    const ctx = { ...world.redeemContext(), transcribeAct: () => undefined }
    const decision = await redeem(await grantFor(), null, ctx)
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_grant',
      reason: 'chain.act_spliced',
    })
  })

  test('reads the jwt-bearer request and refuses another grant type', () => {
    expect(parseJwtBearerRequest({ grant_type: JWT_BEARER_GRANT, assertion: 'a.b.c', scope: 'x y' })).toEqual(
      {
        ok: true,
        value: { assertion: 'a.b.c', scope: ['x', 'y'], resource: null },
      },
    )
    const refused = parseJwtBearerRequest({ grant_type: 'client_credentials', assertion: 'a.b.c' })
    expect(refused.ok || refused.error).toMatchObject({
      code: 'unsupported_grant_type',
      reason: 'jwt_bearer.grant_type',
    })
    const missing = parseJwtBearerRequest({ grant_type: JWT_BEARER_GRANT })
    expect(missing.ok || missing.error).toMatchObject({
      code: 'invalid_request',
      reason: 'jwt_bearer.assertion_missing',
    })
  })
})
