import { decodeJwt, SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { createDpopProof } from '../dpop/create-proof.ts'
import { IDP_ISSUER } from './exchange-case.fixture.ts'
import { exchangeCase, formRequest, NOW, seedForm, sendExchange, TOKEN_URL } from './exchange-fixture.ts'

describe('the token endpoint refuses malformed requests and forged tokens', () => {
  test.each<[string, (form: URLSearchParams) => string, string, Reason]>([
    [
      'a missing subject_token',
      (f) => (f.delete('subject_token'), f.toString()),
      'invalid_request',
      'request.missing_param',
    ],
    [
      'a missing subject_token_type',
      (f) => (f.delete('subject_token_type'), f.toString()),
      'invalid_request',
      'request.missing_param',
    ],
    ['a repeated scope', (f) => `${f}&scope=write:issues`, 'invalid_request', 'request.repeated_param'],
    [
      'actor_token without actor_token_type',
      (f) => (f.delete('actor_token_type'), f.toString()),
      'invalid_request',
      'request.missing_param',
    ],
    [
      'actor_token_type without actor_token',
      (f) => (f.delete('actor_token'), f.toString()),
      'invalid_request',
      'request.unexpected_param',
    ],
    [
      'an unsupported subject_token_type',
      (f) => (f.set('subject_token_type', 'urn:ietf:params:oauth:token-type:saml2'), f.toString()),
      'invalid_request',
      'exchange.subject_token_type_unsupported',
    ],
    [
      'another grant type',
      (f) => (f.set('grant_type', 'client_credentials'), f.toString()),
      'unsupported_grant_type',
      'grant.unsupported_type',
    ],
    ['malformed percent-encoding', (f) => `${f}&audience=%zz`, 'invalid_request', 'request.malformed_form'],
    [
      'the actor token presented as the subject token',
      (f) => (f.set('subject_token', String(f.get('actor_token'))), f.toString()),
      'invalid_request',
      'token.typ',
    ],
    [
      'the subject token presented as the actor token',
      (f) => (f.set('actor_token', String(f.get('subject_token'))), f.toString()),
      'invalid_request',
      'exchange.actor_issuer_untrusted',
    ],
  ])('refuses %s', async (_name, breakForm, code, reason) => {
    const { decision, body } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) => formRequest(breakForm(seedForm(subject, actor))),
    })
    expect(body.error).toBe(code)
    expect(decision.accepted ? null : decision.error.reason).toBe(reason)
  })

  test('records a parsing refusal as a failed check: a repeated scope is not an empty check list', async () => {
    const { body, checks } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) => formRequest(`${seedForm(subject, actor)}&scope=write:issues`),
    })
    expect(body.error).toBe('invalid_request')
    expect(checks.filter((check) => !check.ok)).toEqual([
      expect.objectContaining({
        by: 'idp',
        ok: false,
        spec: 'RFC 6749 §3.2',
        detail: body.error_description,
      }),
    ])
  })

  test('records a wrong method as a failed check too', async () => {
    const { response, checks } = await sendExchange(exchangeCase(), {
      request: () => new Request(TOKEN_URL, { method: 'GET' }),
    })
    expect(response.status).toBe(405)
    expect(checks.filter((check) => !check.ok)).toHaveLength(1)
  })

  test('refuses a DPoP proof presented as the subject token, naming its typ', async () => {
    const { body } = await sendExchange(exchangeCase(), {
      request: async ({ actor, keys }) => {
        const proof = await createDpopProof(keys.agentDpop, { htm: 'POST', htu: TOKEN_URL, iat: NOW })
        return formRequest(seedForm(proof, actor).toString())
      },
    })
    expect(body).toMatchObject({
      error: 'invalid_request',
      error_description: 'subject_token "typ" must be "at+jwt", not "dpop+jwt"',
    })
  })

  test('refuses a subject token whose claims were edited after signing', async () => {
    const { body } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) => {
        const [header, , signature] = subject.split('.')
        const forged = btoa(JSON.stringify({ ...decodeJwt(subject), scope: 'admin:org' }))
          .replace(/=+$/, '')
          .replaceAll('+', '-')
          .replaceAll('/', '_')
        return formRequest(seedForm(`${header}.${forged}.${signature}`, actor).toString())
      },
    })
    expect(body).toMatchObject({
      error: 'invalid_request',
      error_description: 'subject_token signature does not verify',
    })
  })

  test('refuses a subject token signed by a key the IdP does not hold', async () => {
    const { body } = await sendExchange(exchangeCase(), {
      request: async ({ actor, keys }) => {
        const forged = await new SignJWT({ scope: 'read:repo' })
          .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: keys.idp.kid })
          .setIssuer(IDP_ISSUER)
          .setSubject('u_marwan')
          .setAudience(IDP_ISSUER)
          .setIssuedAt(NOW)
          .setExpirationTime(NOW + 60)
          .sign(keys.rogue.privateKey)
        return formRequest(seedForm(forged, actor).toString())
      },
    })
    expect(body).toMatchObject({
      error: 'invalid_request',
      error_description: 'subject_token signature does not verify',
    })
  })

  test.each([
    ['alg none', 'none'],
    ['HS256', 'HS256'],
  ])('refuses a subject token with %s', async (_name, alg) => {
    const { body } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) => {
        const [, payload] = subject.split('.')
        const header = btoa(JSON.stringify({ alg, typ: 'at+jwt' })).replace(/=+$/, '')
        return formRequest(seedForm(`${header}.${payload}.`, actor).toString())
      },
    })
    expect(body).toMatchObject({
      error: 'invalid_request',
      error_description: `subject_token "alg" "${alg}" is not accepted`,
    })
  })

  test('refuses a wrong content type and a GET', async () => {
    const json = await sendExchange(exchangeCase(), {
      request: () =>
        new Request(TOKEN_URL, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
    })
    expect(json.body).toMatchObject({
      error: 'invalid_request',
      error_description: 'Content-Type must be application/x-www-form-urlencoded, not "application/json"',
    })
    const get = await sendExchange(exchangeCase(), { request: () => new Request(TOKEN_URL) })
    expect(get.response.status).toBe(405)
    expect(get.response.headers.get('allow')).toBe('POST')
  })
})
