import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, test } from 'vitest'
import { CODE_REVIEWER, IDP_ISSUER, TEST_RUNNER } from './exchange-case.fixture.ts'
import { exchangeCase, NOW, sendExchange, type CaseEdit } from './exchange-fixture.ts'

describe('the token endpoint issues a delegated token', () => {
  test('mints the seed delegation: sub is the user, act is the agent, cnf.jkt is the DPoP key', async () => {
    const { response, body, keys } = await sendExchange(exchangeCase())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(body).toMatchObject({
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'DPoP',
      expires_in: 600,
    })
    expect(body).not.toHaveProperty('scope') // same as requested: RFC 8693 §2.2.1 leaves it out
    const token = String(body.access_token)
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', alg: 'ES256', kid: keys.idp.kid })
    const claims = decodeJwt(token)
    expect(claims).toMatchObject({
      iss: IDP_ISSUER,
      sub: 'u_marwan',
      aud: 'api.github.com',
      client_id: 'a_code_reviewer',
      scope: 'read:repo write:issues',
      iat: NOW,
      exp: NOW + 600,
      act: {
        sub: CODE_REVIEWER,
        azp: 'a_code_reviewer',
        iss: 'https://spire.lab.marwandiallo.com',
        attestation: 'github-oidc',
      },
      amr: ['hwk', 'user'],
    })
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
    const { kty, crv, x, y } = keys.agentDpop.publicJwk
    expect((claims.cnf as { jkt: string }).jkt).toBe(await calculateJwkThumbprint({ kty, crv, x, y }))
  })

  test('issues a Bearer token with no cnf when DPoP is off', async () => {
    const { body } = await sendExchange(exchangeCase((s) => void (s.request.dpop = false)))
    expect(body.token_type).toBe('Bearer')
    expect(decodeJwt(String(body.access_token))).not.toHaveProperty('cnf')
  })

  test('impersonation: with no actor token the token has no act, and client_id names the client', async () => {
    const { body } = await sendExchange(exchangeCase((s) => void (s.request.sendActorToken = false)))
    const claims = decodeJwt(String(body.access_token))
    expect(claims).not.toHaveProperty('act')
    expect(claims).toMatchObject({ sub: 'u_marwan', client_id: 'a_code_reviewer' })
  })

  test('nests act for a delegation chain: the new actor outermost, the earlier one inside', async () => {
    const { body } = await sendExchange(
      exchangeCase((s) => {
        s.user.priorActors = [
          {
            sub: CODE_REVIEWER,
            azp: 'a_code_reviewer',
            iss: 'https://spire.lab.marwandiallo.com',
            attestation: 'github-oidc',
          },
        ]
        s.actor.spiffeId = TEST_RUNNER
        s.request.scope = 'read:repo'
      }),
    )
    expect(decodeJwt(String(body.access_token)).act).toEqual({
      sub: TEST_RUNNER,
      azp: 'a_test_runner',
      iss: 'https://spire.lab.marwandiallo.com',
      attestation: 'github-oidc',
      act: {
        sub: CODE_REVIEWER,
        azp: 'a_code_reviewer',
        iss: 'https://spire.lab.marwandiallo.com',
        attestation: 'github-oidc',
      },
    })
  })

  test('with no scope requested, issues the overlap of grant and policy and says so in the response', async () => {
    const { body } = await sendExchange(exchangeCase((s) => void (s.request.scope = '')))
    expect(body.scope).toBe('read:repo write:issues')
  })

  test.each<[string, CaseEdit, number]>([
    ['policy maximum', () => {}, 600],
    ['requested lifetime', (s) => void (s.request.requestedTtl = 120), 120],
    ['remaining actor token lifetime', (s) => void (s.actor.tokenTtl = 300), 300],
    ['remaining subject token lifetime', (s) => void (s.user.subjectTokenTtl = 200), 140],
  ])('caps the lifetime at the %s', async (_name, edit, expected) => {
    const { body } = await sendExchange(exchangeCase(edit))
    expect(body.expires_in).toBe(expected)
    const claims = decodeJwt(String(body.access_token))
    expect(claims.exp! - claims.iat!).toBe(expected)
  })

  test('accepts a resource indicator that falls under the audience policy names', async () => {
    const { body } = await sendExchange(
      exchangeCase(
        (s) => void ((s.request.audiences = []), (s.request.resources = ['https://api.github.com/repos'])),
      ),
    )
    expect(decodeJwt(String(body.access_token)).aud).toBe('api.github.com')
  })

  test('writes an allow audit event naming the user and the agent', async () => {
    const { audits } = await sendExchange(exchangeCase())
    expect(audits).toEqual([
      expect.objectContaining({
        decision: 'allow',
        principal: 'u_marwan',
        actingAs: CODE_REVIEWER,
        attestation: 'github-oidc',
        ttl: 600,
      }),
    ])
  })
})
