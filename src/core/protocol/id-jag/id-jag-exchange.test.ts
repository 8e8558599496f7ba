import { decodeJwt, decodeProtectedHeader } from 'jose'
import { beforeEach, describe, expect, test } from 'vitest'
import { ID_JAG, JWT_BEARER_GRANT } from './id-jag-names.ts'
import { dispatchIdpTokenRequest, refuseJwtBearerAtIdp } from './idp-token-dispatch.ts'
import {
  AGENT_A,
  createXaaFixture,
  errorOf,
  refusal,
  IDP,
  MCP,
  OTHER_RAS,
  RAS,
  USER,
  type XaaFixture,
} from './xaa-test-fixture.ts'

let x: XaaFixture
beforeEach(async () => {
  x = await createXaaFixture()
})

describe('the IdP issues an ID-JAG', () => {
  test('answers with issued_token_type id-jag, token_type N_A and the granted scope', async () => {
    const response = await x.exchange()
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      issued_token_type: ID_JAG.tokenType,
      token_type: 'N_A',
      expires_in: 300,
      scope: 'repo:read',
    })
  })

  test('the ID-JAG is typed oauth-id-jag+jwt and carries the draft §3.1 claims', async () => {
    const grant = await x.idJag()
    expect(decodeProtectedHeader(grant).typ).toBe('oauth-id-jag+jwt')
    const claims = decodeJwt(grant)
    expect(claims).toMatchObject({
      iss: IDP,
      sub: USER,
      aud: RAS,
      client_id: 'ras_code_reviewer',
      resource: MCP,
      scope: 'repo:read',
      amr: ['hwk', 'user'],
      auth_time: x.now() - 60,
      iat: x.now(),
      exp: x.now() + 300,
    })
    expect(typeof claims.jti).toBe('string')
  })

  test('binds the ID-JAG to the DPoP key when a proof is sent', async () => {
    const accepted = await x.decideExchange({}, 'thumbprint-of-the-agent-key')
    expect(accepted.ok && (accepted.value as { claims: { jkt: string } }).claims.jkt).toBe(
      'thumbprint-of-the-agent-key',
    )
  })
})

describe('the IdP refuses', () => {
  test('a request without a client assertion', async () => {
    expect(await refusal(x.decideExchange({ client_assertion: null, client_assertion_type: null }))).toEqual({
      code: 'invalid_client',
      reason: 'spiffe_client.assertion_missing',
    })
  })

  test('a client assertion of another type than jwt-spiffe', async () => {
    expect(
      await refusal(
        x.decideExchange({ client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' }),
      ),
    ).toEqual({ code: 'invalid_client', reason: 'spiffe_client.assertion_type' })
  })

  test('a JWT-SVID addressed to another server', async () => {
    expect(await refusal(x.decideExchange({ client_assertion: await x.svid(AGENT_A, RAS) }))).toEqual({
      code: 'invalid_client',
      reason: 'spiffe_client.assertion_invalid',
    })
  })

  test('a JWT-SVID for a workload no client is registered for', async () => {
    expect(
      await refusal(x.decideExchange({ client_assertion: await x.svid('spiffe://prod/agent/rogue') })),
    ).toEqual({ code: 'invalid_client', reason: 'spiffe_client.unknown' })
  })

  test('a subject token that is not an ID token', async () => {
    expect(
      await refusal(
        x.decideExchange({ subject_token_type: 'urn:ietf:params:oauth:token-type:access_token' }),
      ),
    ).toEqual({ code: 'invalid_request', reason: 'idp.subject_token_type' })
  })

  test('an ID token issued to another client than the one authenticated (§4.3.3)', async () => {
    expect(
      await refusal(x.decideExchange({ subject_token: await x.idToken({ aud: 'a_test_runner' }) })),
    ).toEqual({
      code: 'invalid_grant',
      reason: 'idp.id_token_audience',
    })
  })

  test('an ID token from a sign-in older than policy allows, with the step-up error', async () => {
    expect(await refusal(x.decideExchange({ subject_token: await x.idToken({ authAge: 7200 }) }))).toEqual({
      code: 'insufficient_user_authentication',
      reason: 'idp.id_token_too_old',
    })
  })

  test('answers the step-up error with max_age on the wire (RFC 9470 §3)', async () => {
    const response = await x.exchange({ subject_token: await x.idToken({ authAge: 7200 }) })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'insufficient_user_authentication', max_age: 3600 })
  })

  test('a resource AS policy does not let this agent reach for this user', async () => {
    expect(await refusal(x.decideExchange({ audience: 'https://unknown-as.example' }))).toEqual({
      code: 'invalid_target',
      reason: 'idp.audience_not_allowed',
    })
  })

  test('a resource not governed by the requested resource AS', async () => {
    expect(await refusal(x.decideExchange({ audience: OTHER_RAS, resource: MCP }))).toEqual({
      code: 'invalid_target',
      reason: 'idp.resource_not_allowed',
    })
  })

  test('a scope beyond what policy grants for that resource AS', async () => {
    expect(await refusal(x.decideExchange({ scope: 'repo:read repo:admin' }))).toEqual({
      code: 'invalid_scope',
      reason: 'idp.scope_not_granted',
    })
  })

  test('a request for another token type', async () => {
    expect(
      await refusal(x.decideExchange({ requested_token_type: 'urn:ietf:params:oauth:token-type:jwt' })),
    ).toEqual({ code: 'invalid_request', reason: 'idp.requested_token_type' })
  })
})

describe('the IdP token endpoint dispatches', () => {
  const exchangeSaid = new Response('{"from":"exchange"}')
  const idJagSaid = new Response('{"from":"id-jag"}')
  const dispatch = dispatchIdpTokenRequest({
    issuer: IDP,
    exchange: async () => exchangeSaid.clone(),
    idJag: async () => idJagSaid.clone(),
  })
  const post = (body: string) =>
    new Request(`${IDP}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })

  test('requests for an ID-JAG to the ID-JAG endpoint, others to the RFC 8693 endpoint', async () => {
    const asked = `requested_token_type=${encodeURIComponent(ID_JAG.tokenType)}`
    expect(await (await dispatch(post(asked))).json()).toEqual({ from: 'id-jag' })
    expect(await (await dispatch(post('grant_type=x'))).json()).toEqual({ from: 'exchange' })
  })

  test('refuses to redeem an ID-JAG it issued itself', async () => {
    const grant = await x.idJag()
    const response = await dispatch(
      post(`grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&assertion=${grant}`),
    )
    expect(await errorOf(response)).toEqual({ status: 400, error: 'invalid_grant' })
    expect(refuseJwtBearerAtIdp(grant, IDP).reason).toBe('id_jag.redeemed_at_issuer')
  })

  test('answers any other JWT bearer grant as unsupported', async () => {
    const grant = await x.idJag()
    expect(refuseJwtBearerAtIdp(grant, 'https://another-idp.example')).toMatchObject({
      code: 'unsupported_grant_type',
      reason: 'grant.unsupported_type',
    })
  })
})
