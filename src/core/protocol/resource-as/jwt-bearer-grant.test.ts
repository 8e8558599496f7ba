import { decodeJwt, SignJWT } from 'jose'
import { beforeEach, describe, expect, test } from 'vitest'
import { createDpopProof } from '../dpop/create-proof.ts'
import { jwkThumbprint } from '../dpop/thumbprint.ts'
import {
  AGENT_A,
  AGENT_B,
  createXaaFixture,
  errorOf,
  refusal,
  IDP,
  MCP,
  OTHER_RAS,
  RAS,
  USER,
  type XaaFixture,
} from '../id-jag/xaa-test-fixture.ts'

let x: XaaFixture
beforeEach(async () => {
  x = await createXaaFixture()
})

describe('the resource AS redeems an ID-JAG', () => {
  test('for an access token for the MCP server, naming the user, the client and the agent', async () => {
    const response = await x.redeem(await x.idJag())
    expect(response.status).toBe(200)
    const body = (await response.json()) as { access_token: string; token_type: string; scope: string }
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'repo:read' })
    expect(decodeJwt(body.access_token)).toMatchObject({
      iss: RAS,
      sub: USER,
      aud: MCP,
      client_id: 'ras_code_reviewer',
      act: { sub: AGENT_A },
      scope: 'repo:read',
    })
  })

  test('DPoP-bound when the request carries a proof', async () => {
    const response = await x.redeem(await x.idJag(), {}, AGENT_A, true)
    const body = (await response.json()) as { access_token: string; token_type: string }
    expect(body.token_type).toBe('DPoP')
    expect(decodeJwt(body.access_token).cnf).toEqual({ jkt: await jwkThumbprint(x.keys.dpop.publicJwk) })
  })

  test('with a narrower scope when the agent asks for less', async () => {
    const grant = await x.idJag({ scope: 'repo:read issues:write' })
    const accepted = await x.decideRedeem(grant, { scope: 'issues:write' })
    expect(accepted.ok && (accepted.value as { scope: string[] }).scope).toEqual(['issues:write'])
  })
})

describe('the resource AS refuses', () => {
  test('an ID-JAG meant for another resource AS (aud)', async () => {
    const grant = await x.idJag({ audience: OTHER_RAS, resource: 'https://other.example/mcp' })
    expect(await refusal(x.decideRedeem(grant))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.audience_mismatch',
    })
  })

  test("agent B redeeming agent A's ID-JAG (client_id is not the authenticated client)", async () => {
    expect(await refusal(x.decideRedeem(await x.idJag(), {}, AGENT_B))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.client_mismatch',
    })
  })

  test('an ID-JAG presented a second time (jti)', async () => {
    const grant = await x.idJag()
    expect((await x.decideRedeem(grant)).ok).toBe(true)
    expect(await refusal(x.decideRedeem(grant))).toEqual({ code: 'invalid_grant', reason: 'id_jag.replayed' })
  })

  test('a refused attempt does not use the ID-JAG up', async () => {
    const grant = await x.idJag()
    expect((await x.decideRedeem(grant, {}, AGENT_B)).ok).toBe(false)
    expect((await x.decideRedeem(grant)).ok).toBe(true)
  })

  test('an expired ID-JAG', async () => {
    const grant = await x.idJag()
    x.advance(300 + 30)
    expect(await refusal(x.decideRedeem(grant))).toEqual({ code: 'invalid_grant', reason: 'id_jag.expired' })
  })

  test('a scope wider than the ID-JAG grants', async () => {
    expect(await refusal(x.decideRedeem(await x.idJag(), { scope: 'repo:read issues:write' }))).toEqual({
      code: 'invalid_scope',
      reason: 'id_jag.scope_widened',
    })
  })

  test('a JWT that is not typed oauth-id-jag+jwt, such as the ID token itself', async () => {
    expect(await refusal(x.decideRedeem(await x.idToken()))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.typ',
    })
  })

  test('an ID-JAG from an issuer it does not trust', async () => {
    const forged = await new SignJWT({ client_id: 'ras_code_reviewer', resource: MCP, scope: 'repo:read' })
      .setProtectedHeader({ alg: 'ES256', typ: 'oauth-id-jag+jwt' })
      .setIssuer('https://evil-idp.example')
      .setSubject(USER)
      .setAudience(RAS)
      .setIssuedAt(x.now())
      .setExpirationTime(x.now() + 300)
      .setJti('forged')
      .sign(x.keys.workload.privateKey)
    expect(await refusal(x.decideRedeem(forged))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.untrusted_issuer',
    })
  })

  test('an ID-JAG claiming the IdP as issuer but not signed by it', async () => {
    const forged = await new SignJWT({ client_id: 'ras_code_reviewer', resource: MCP, scope: 'repo:read' })
      .setProtectedHeader({ alg: 'ES256', typ: 'oauth-id-jag+jwt', kid: x.keys.idp.kid })
      .setIssuer(IDP)
      .setSubject(USER)
      .setAudience(RAS)
      .setIssuedAt(x.now())
      .setExpirationTime(x.now() + 300)
      .setJti('forged')
      .sign(x.keys.workload.privateKey)
    expect(await refusal(x.decideRedeem(forged))).toEqual({ code: 'invalid_grant', reason: 'id_jag.invalid' })
  })

  test('an ID-JAG bound to a DPoP key the request does not prove', async () => {
    // Bound at the IdP to the workload key's DPoP proof; redeemed with no proof at all.
    const proof = await createDpopProof(x.keys.workload, { htm: 'POST', htu: `${IDP}/token`, iat: x.now() })
    const boundGrant = ((await (await x.exchange({}, { dpop: proof })).json()) as { access_token: string })
      .access_token
    expect(decodeJwt(boundGrant).cnf).toEqual({ jkt: await jwkThumbprint(x.keys.workload.publicJwk) })
    expect(await refusal(x.decideRedeem(boundGrant))).toEqual({
      code: 'invalid_grant',
      reason: 'id_jag.key_mismatch',
    })
  })

  test('a request whose JWT-SVID names no registered client', async () => {
    expect(await refusal(x.decideRedeem(await x.idJag(), {}, 'spiffe://prod/agent/rogue'))).toEqual({
      code: 'invalid_client',
      reason: 'spiffe_client.unknown',
    })
  })

  test('another grant type', async () => {
    expect(await refusal(x.decideRedeem(await x.idJag(), { grant_type: 'client_credentials' }))).toEqual({
      code: 'unsupported_grant_type',
      reason: 'jwt_bearer.grant_type',
    })
  })

  test('answers refusals on the wire as RFC 6749 §5.2 errors', async () => {
    const grant = await x.idJag()
    await x.redeem(grant)
    expect(await errorOf(await x.redeem(grant))).toEqual({ status: 400, error: 'invalid_grant' })
  })
})
