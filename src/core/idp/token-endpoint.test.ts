import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { createDpopProof } from '../dpop/create-proof.ts'
import { CODE_REVIEWER, DEPLOY_BOT, IDP_ISSUER, TEST_RUNNER } from '../scenario/seed-scenario.ts'
import { editedScenario, FIXED_NOW, sendExchange, type ScenarioEdit } from './exchange-fixture.ts'
import { tokenEndpointUrl } from './token-endpoint.ts'

const NOW = Math.floor(FIXED_NOW / 1000)
const TOKEN_URL = tokenEndpointUrl(IDP_ISSUER)

/** Sends a hand-built form body, so tests can break the request in ways a client library never would. */
const formRequest = (body: string, headers: Record<string, string> = {}) =>
  new Request(TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

const seedForm = (subject: string, actor: string | null) =>
  new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subject,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    ...(actor ? { actor_token: actor, actor_token_type: 'urn:ietf:params:oauth:token-type:jwt' } : {}),
    audience: 'api.github.com',
    scope: 'read:repo',
  })

describe('the token endpoint issues a delegated token', () => {
  test('mints the seed delegation: sub is the user, act is the agent, cnf.jkt is the DPoP key', async () => {
    const { response, body, keys } = await sendExchange(editedScenario())
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
    const { body } = await sendExchange(editedScenario((s) => void (s.request.dpop = false)))
    expect(body.token_type).toBe('Bearer')
    expect(decodeJwt(String(body.access_token))).not.toHaveProperty('cnf')
  })

  test('impersonation: with no actor token the token has no act, and client_id names the client', async () => {
    const { body } = await sendExchange(editedScenario((s) => void (s.request.sendActorToken = false)))
    const claims = decodeJwt(String(body.access_token))
    expect(claims).not.toHaveProperty('act')
    expect(claims).toMatchObject({ sub: 'u_marwan', client_id: 'a_code_reviewer' })
  })

  test('nests act for a delegation chain: the new actor outermost, the earlier one inside', async () => {
    const { body } = await sendExchange(
      editedScenario((s) => {
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
    const { body } = await sendExchange(editedScenario((s) => void (s.request.scope = '')))
    expect(body.scope).toBe('read:repo write:issues')
  })

  test.each<[string, ScenarioEdit, number]>([
    ['policy maximum', () => {}, 600],
    ['requested lifetime', (s) => void (s.request.requestedTtl = 120), 120],
    ['remaining actor token lifetime', (s) => void (s.actor.tokenTtl = 300), 300],
    ['remaining subject token lifetime', (s) => void (s.user.subjectTokenTtl = 200), 140],
  ])('caps the lifetime at the %s', async (_name, edit, expected) => {
    const { body } = await sendExchange(editedScenario(edit))
    expect(body.expires_in).toBe(expected)
    const claims = decodeJwt(String(body.access_token))
    expect(claims.exp! - claims.iat!).toBe(expected)
  })

  test('accepts a resource indicator that falls under the audience policy names', async () => {
    const { body } = await sendExchange(
      editedScenario(
        (s) => void ((s.request.audiences = []), (s.request.resources = ['https://api.github.com/repos'])),
      ),
    )
    expect(decodeJwt(String(body.access_token)).aud).toBe('api.github.com')
  })

  test('writes an allow audit event naming the user and the agent', async () => {
    const { audits } = await sendExchange(editedScenario())
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

describe('the token endpoint refuses in RFC terms', () => {
  test.each<[string, ScenarioEdit, string, number, RegExp]>([
    [
      'an audience outside policy',
      (s) => void (s.request.audiences = ['evil.example.com']),
      'invalid_target',
      400,
      /Audience "evil.example.com" is outside policy/,
    ],
    [
      'a resource that is not an absolute URI',
      (s) => void ((s.request.audiences = []), (s.request.resources = ['api.github.com'])),
      'invalid_target',
      400,
      /is not an absolute URI/,
    ],
    [
      'a resource with a fragment',
      (s) => void ((s.request.audiences = []), (s.request.resources = ['https://api.github.com/#x'])),
      'invalid_target',
      400,
      /must not contain a fragment/,
    ],
    [
      'no audience or resource at all',
      (s) => void (s.request.audiences = []),
      'invalid_target',
      400,
      /"audience" or "resource" is required/,
    ],
    [
      'a scope the user never granted',
      (s) => void (s.request.scope = 'read:repo delete:repo'),
      'invalid_scope',
      400,
      /Scope "delete:repo" exceeds what the subject token grants/,
    ],
    [
      'a granted scope policy does not allow at the audience',
      (s) => void (s.request.scope = 'read:repo write:repo'),
      'invalid_scope',
      400,
      /Scope "write:repo" is not allowed for audience api.github.com/,
    ],
    [
      'a scope token with a forbidden character',
      (s) => void (s.request.scope = 'read:repo "x"'),
      'invalid_scope',
      400,
      /contains a character scope tokens cannot hold/,
    ],
    [
      'an agent policy does not let act for this user',
      (s) => void (s.user.sub = 'u_alice'),
      'invalid_request',
      400,
      /spiffe:\/\/prod\/agent\/code-reviewer\/v3 may not act for u_alice/,
    ],
    [
      'an actor may_act does not name',
      (s) => void (s.user.mayAct = DEPLOY_BOT),
      'invalid_request',
      400,
      /may_act in subject_token does not name spiffe:\/\/prod\/agent\/code-reviewer\/v3/,
    ],
    [
      'an actor token from an untrusted issuer',
      (s) => void (s.actor.issuer = 'https://attacker.example'),
      'invalid_request',
      400,
      /actor_token issuer "https:\/\/attacker.example" is not trusted/,
    ],
    [
      'an expired subject token',
      (s) => void (s.user.subjectTokenTtl = 10),
      'invalid_request',
      400,
      /subject_token has expired/,
    ],
    [
      'an expired actor token',
      (s) => void (s.actor.tokenTtl = -60),
      'invalid_request',
      400,
      /actor_token has expired/,
    ],
    [
      'an unregistered workload',
      (s) => void (s.actor.spiffeId = 'spiffe://prod/agent/unknown/v1'),
      'invalid_client',
      401,
      /Unknown client: workload spiffe:\/\/prod\/agent\/unknown\/v1 is not registered/,
    ],
    [
      'an unsupported requested_token_type',
      (s) => void (s.request.requestedTokenType = 'urn:ietf:params:oauth:token-type:id_token'),
      'invalid_request',
      400,
      /"requested_token_type" urn:ietf:params:oauth:token-type:id_token is not supported/,
    ],
    [
      'impersonation when policy requires an actor token',
      (s) => void ((s.request.sendActorToken = false), (s.policy.requireActorToken = true)),
      'invalid_request',
      400,
      /"actor_token" is required by policy/,
    ],
    [
      'a chain longer than policy allows',
      (s) => void ((s.policy.maxChainDepth = 1), (s.user.priorActors = [{ sub: TEST_RUNNER }])),
      'invalid_request',
      400,
      /Delegation chain of 2 actors exceeds the policy maximum of 1/,
    ],
    [
      'a bearer request when policy requires DPoP',
      (s) => void ((s.request.dpop = false), (s.policy.requireDpop = true)),
      'invalid_dpop_proof',
      400,
      /DPoP proof is missing/,
    ],
  ])('refuses %s', async (_name, edit, code, status, description) => {
    const { response, body, audits } = await sendExchange(editedScenario(edit))
    expect(response.status).toBe(status)
    expect(body.error).toBe(code)
    expect(body.error_description).toMatch(description)
    expect(audits).toEqual([
      expect.objectContaining({ decision: 'deny', denial: expect.objectContaining({ error: code }) }),
    ])
  })

  test('asks for a nonce when policy requires one, and says which in DPoP-Nonce', async () => {
    const { response, body } = await sendExchange(
      editedScenario((s) => void (s.policy.requireDpopNonce = true)),
    )
    expect(response.status).toBe(400)
    expect(body.error).toBe('use_dpop_nonce')
    expect(response.headers.get('dpop-nonce')).toMatch(/^[A-Za-z0-9_-]{16,}$/)
  })

  test('refuses a DPoP proof made for another URL', async () => {
    const { body } = await sendExchange(editedScenario(), {
      request: async ({ subject, actor, keys }) =>
        formRequest(seedForm(subject, actor).toString(), {
          dpop: await createDpopProof(keys.agentDpop, { htm: 'POST', htu: `${IDP_ISSUER}/token2`, iat: NOW }),
        }),
    })
    expect(body).toMatchObject({
      error: 'invalid_dpop_proof',
      error_description: expect.stringMatching(/htu/),
    })
  })

  test.each<[string, (form: URLSearchParams) => string, string, RegExp]>([
    [
      'a missing subject_token',
      (f) => (f.delete('subject_token'), f.toString()),
      'invalid_request',
      /"subject_token" is required/,
    ],
    [
      'a missing subject_token_type',
      (f) => (f.delete('subject_token_type'), f.toString()),
      'invalid_request',
      /"subject_token_type" is required/,
    ],
    [
      'a repeated scope',
      (f) => `${f}&scope=write:issues`,
      'invalid_request',
      /"scope" is included more than once/,
    ],
    [
      'actor_token without actor_token_type',
      (f) => (f.delete('actor_token_type'), f.toString()),
      'invalid_request',
      /"actor_token_type" is required when "actor_token" is present/,
    ],
    [
      'actor_token_type without actor_token',
      (f) => (f.delete('actor_token'), f.toString()),
      'invalid_request',
      /"actor_token_type" must not be sent without "actor_token"/,
    ],
    [
      'an unsupported subject_token_type',
      (f) => (f.set('subject_token_type', 'urn:ietf:params:oauth:token-type:saml2'), f.toString()),
      'invalid_request',
      /"subject_token_type" urn:ietf:params:oauth:token-type:saml2 is not supported/,
    ],
    [
      'another grant type',
      (f) => (f.set('grant_type', 'client_credentials'), f.toString()),
      'unsupported_grant_type',
      /"grant_type" client_credentials is not supported/,
    ],
    [
      'malformed percent-encoding',
      (f) => `${f}&audience=%zz`,
      'invalid_request',
      /Malformed form encoding in "audience=%zz"/,
    ],
    [
      'the actor token presented as the subject token',
      (f) => (f.set('subject_token', String(f.get('actor_token'))), f.toString()),
      'invalid_request',
      /subject_token "typ" must be "at\+jwt", not "JWT"/,
    ],
    [
      'the subject token presented as the actor token',
      (f) => (f.set('actor_token', String(f.get('subject_token'))), f.toString()),
      'invalid_request',
      /actor_token issuer "https:\/\/idp.lab.marwandiallo.com" is not trusted/,
    ],
  ])('refuses %s', async (_name, breakForm, code, description) => {
    const { body } = await sendExchange(editedScenario(), {
      request: ({ subject, actor }) => formRequest(breakForm(seedForm(subject, actor))),
    })
    expect(body.error).toBe(code)
    expect(body.error_description).toMatch(description)
  })

  test('refuses a DPoP proof presented as the subject token, naming its typ', async () => {
    const { body } = await sendExchange(editedScenario(), {
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
    const { body } = await sendExchange(editedScenario(), {
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
    const { body } = await sendExchange(editedScenario(), {
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
    const { body } = await sendExchange(editedScenario(), {
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
    const json = await sendExchange(editedScenario(), {
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
    const get = await sendExchange(editedScenario(), { request: () => new Request(TOKEN_URL) })
    expect(get.response.status).toBe(405)
    expect(get.response.headers.get('allow')).toBe('POST')
  })

  test('records each check it made, with the failed one last', async () => {
    const { checks } = await sendExchange(
      editedScenario((s) => void (s.request.audiences = ['evil.example.com'])),
    )
    expect(checks.at(-1)).toMatchObject({
      by: 'idp',
      ok: false,
      label: 'audience/resource within policy',
      spec: 'RFC 8693 §2.1, RFC 8707 §2',
    })
    expect(checks.slice(0, -1).every((check) => check.ok)).toBe(true)
  })
})
