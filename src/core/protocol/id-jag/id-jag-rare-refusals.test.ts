// Refusals of the ID-JAG issuer and redeemer that the main tables leave out, each asserted by code and reason.
import { beforeEach, describe, expect, test } from 'vitest'
import { mintActorToken } from '../tokens/mint-actor-token.ts'
import { mintIdJag } from './mint-id-jag.ts'
import { AGENT_A, createXaaFixture, IDP, RAS, USER, type XaaFixture } from './xaa-test-fixture.ts'

let x: XaaFixture
beforeEach(async () => {
  x = await createXaaFixture()
})

const refusalOf = async (result: Promise<{ ok: boolean; error?: { code: string; reason: string } }>) => {
  const settled = await result
  expect(settled.ok).toBe(false)
  return { code: settled.error?.code, reason: settled.error?.reason }
}

describe('the IdP refuses an ID-JAG request', () => {
  test('whose client assertion comes from a workload issuer it does not trust', async () => {
    const rogueSvid = await mintActorToken(x.keys.workload, {
      issuer: 'https://rogue-spire.example',
      spiffeId: AGENT_A,
      audience: IDP,
      attestation: 'none',
      iat: x.now(),
      ttl: 300,
    })
    expect(await refusalOf(x.decideExchange({ client_assertion: rogueSvid }))).toEqual({
      code: 'invalid_client',
      reason: 'spiffe_client.untrusted_issuer',
    })
  })

  test('whose client_id names another client than the assertion authenticates (RFC 7521 §4.2)', async () => {
    expect(await refusalOf(x.decideExchange({ client_id: 'a_test_runner' }))).toEqual({
      code: 'invalid_client',
      reason: 'spiffe_client.id_mismatch',
    })
  })

  test('with no subject_token', async () => {
    expect(await refusalOf(x.decideExchange({ subject_token: null }))).toEqual({
      code: 'invalid_request',
      reason: 'idp.subject_token_missing',
    })
  })

  test('whose subject_token is not an ID token of this IdP (a JWT-SVID in its place)', async () => {
    expect(await refusalOf(x.decideExchange({ subject_token: await x.svid() }))).toEqual({
      code: 'invalid_grant',
      reason: 'idp.id_token_invalid',
    })
  })

  test('with no audience naming the resource authorization server', async () => {
    expect(await refusalOf(x.decideExchange({ audience: null }))).toEqual({
      code: 'invalid_request',
      reason: 'idp.audience_missing',
    })
  })
})

describe('the resource authorization server refuses an ID-JAG', () => {
  test('for a resource it does not govern', async () => {
    const grant = await mintIdJag(x.keys.idp, {
      iss: IDP,
      sub: USER,
      aud: RAS,
      clientId: 'ras_code_reviewer',
      iat: x.now(),
      ttl: 300,
      resource: 'https://elsewhere.example/mcp',
      scope: ['repo:read'],
      amr: null,
      authTime: null,
      jkt: null,
    })
    expect(await refusalOf(x.decideRedeem(grant))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.unknown_resource',
    })
  })
})
