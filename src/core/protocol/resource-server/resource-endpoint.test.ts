import { describe, expect, test } from 'vitest'
import { base64url } from 'jose'
import { createDpopProof } from '../dpop/create-proof.ts'
import type { Reason } from '../errors/reasons.ts'
import {
  ALGS,
  bearerRequest,
  claims,
  dpopRequest,
  expectRefusal,
  ISSUES,
  REVIEWER,
  keys,
  mint,
  NOW,
  quoted,
  REPO,
  server,
  unverifiedAudit,
  verifiedAudit,
} from './resource-server-fixture.ts'

describe('the resource server allows', () => {
  test('a DPoP-bound token with a valid proof, and writes an allow audit event', async () => {
    const { handler, audits, checks } = server()
    const response = await handler(await dpopRequest(await mint(claims())))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      repository: 'marwan/playground',
      default_branch: 'main',
      visibility: 'private',
    })
    expect(audits).toEqual([[{ ...verifiedAudit, decision: 'allow', denial: null }, null]])
    expect(checks.every((check) => check.ok)).toBe(true)
    expect(checks.map((check) => check.spec)).toContain('RFC 9449 §4.3 (12), §7.1')
  })

  test('an unbound token under the Bearer scheme, as a plain bearer token', async () => {
    const { handler, audits } = server()
    const response = await handler(bearerRequest(await mint(claims({ cnf: undefined }))))
    expect(response.status).toBe(200)
    expect(audits[0]?.[0].decision).toBe('allow')
  })

  test('a lower-case "dpop" scheme, since auth schemes are case-insensitive', async () => {
    const token = await mint(claims())
    const request = await dpopRequest(token)
    request.headers.set('authorization', `dpop ${token}`)
    expect((await server().handler(request)).status).toBe(200)
  })

  test('a POST to the issues route with write:issues', async () => {
    const response = await server().handler(
      await dpopRequest(await mint(claims()), { method: 'POST', url: ISSUES }),
    )
    expect(await response.json()).toEqual({
      repository: 'marwan/playground',
      issue: { number: 42, state: 'open' },
    })
  })
})

describe('the resource server refuses the request itself', () => {
  test('with no Authorization header: 401 with a bare challenge for both schemes and no error code', async () => {
    const { handler, audits, checks } = server()
    const response = await handler(new Request(REPO))
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe(`Bearer, DPoP ${ALGS}`)
    expect(await response.text()).toBe('')
    expect(audits).toEqual([
      [
        {
          ...unverifiedAudit,
          decision: 'deny',
          denial: { error: 'invalid_request', reason: 'No access token in the request' },
        },
        expect.objectContaining({ reason: 'request.no_credentials' }),
      ],
    ])
    expect(checks.at(-1)).toMatchObject({
      ok: false,
      label: 'request carries one access token in the Authorization header',
    })
  })

  test('with both a Bearer and a DPoP Authorization header: 400 invalid_request', async () => {
    const token = await mint(claims())
    const request = await dpopRequest(token)
    request.headers.append('authorization', `Bearer ${token}`)
    const { handler, audits } = server()
    const description = 'Multiple methods used to include access token'
    await expectRefusal(await handler(request), audits, {
      status: 400,
      error: 'invalid_request',
      description,
      reason: 'request.multiple_credentials',
      challenge: `Bearer error="invalid_request", error_description="${description}", DPoP ${ALGS}, error="invalid_request", error_description="${description}"`,
      verified: false,
    })
  })

  test('at an unknown route: 404', async () => {
    const { handler, audits } = server()
    const response = await handler(
      await dpopRequest(await mint(claims()), { url: 'https://api.github.com/orgs/acme' }),
    )
    expect(response.headers.get('www-authenticate')).toBeNull()
    await expectRefusal(response, audits, {
      status: 404,
      error: 'invalid_request',
      description: 'No resource at /orgs/acme',
      reason: 'http.not_found',
      verified: false,
    })
    // A plain HTTP failure: the decision carries no OAuth error code (the body keeps its usual shape).
    expect(audits[0]?.[1]).not.toHaveProperty('code')
  })

  test('with a method the route does not have: 405 with Allow', async () => {
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await mint(claims()), { method: 'POST' }))
    expect(response.headers.get('allow')).toBe('GET')
    await expectRefusal(response, audits, {
      status: 405,
      error: 'invalid_request',
      description: 'Method POST is not allowed on /repos/marwan/playground',
      reason: 'http.method_not_allowed',
      verified: false,
    })
  })
})

describe('the resource server refuses tokens that do not verify, trusting none of their claims', () => {
  const tamper = async () => {
    const [header, , signature] = (await mint(claims())).split('.')
    return `${header}.${base64url.encode(JSON.stringify(claims({ scope: 'read:repo write:repo admin:org' })))}.${signature}`
  }
  const proofAsToken = () => createDpopProof(keys.agentDpop, { htm: 'GET', htu: REPO, iat: NOW })

  test.each<[string, () => Promise<string>, string, Reason]>([
    [
      'an expired token',
      () => mint(claims({ iat: NOW - 700, exp: NOW - 100 })),
      'Access token has expired',
      'token.expired',
    ],
    [
      'a token for another audience',
      () => mint(claims({ aud: ['deploy.lab.marwandiallo.com'] })),
      'Access token "aud" does not include "api.github.com"',
      'token.aud',
    ],
    [
      'a token from another issuer',
      () => mint(claims({ iss: 'https://evil.example' })),
      'Access token "iss" is not the expected issuer',
      'token.iss',
    ],
    [
      'a DPoP proof presented as the access token',
      proofAsToken,
      'Access token "typ" must be "at+jwt", not "dpop+jwt"',
      'token.typ',
    ],
    [
      'a token typed JWT',
      () => mint(claims(), { typ: 'JWT' }),
      'Access token "typ" must be "at+jwt", not "JWT"',
      'token.typ',
    ],
    [
      'an unsigned "alg": "none" token',
      async () =>
        `${base64url.encode('{"alg":"none","typ":"at+jwt"}')}.${base64url.encode(JSON.stringify(claims()))}.`,
      'Access token "alg" "none" is not accepted',
      'token.alg',
    ],
    [
      'a token whose claims were tampered with',
      tamper,
      'Access token signature does not verify',
      'token.signature',
    ],
  ])('rejects %s with invalid_token', async (_name, makeToken, description, reason) => {
    const token = await makeToken()
    const { handler, audits } = server()
    await expectRefusal(await handler(await dpopRequest(token)), audits, {
      status: 401,
      error: 'invalid_token',
      description,
      reason,
      challenge: `DPoP error="invalid_token", error_description="${quoted(description)}", ${ALGS}`,
      verified: false,
    })
  })

  test('answers a bad token sent as Bearer in the Bearer challenge, still offering DPoP (Fig. 18)', async () => {
    const { handler, audits } = server()
    await expectRefusal(await handler(bearerRequest(await mint(claims({ exp: NOW - 100 })))), audits, {
      status: 401,
      error: 'invalid_token',
      description: 'Access token has expired',
      reason: 'token.expired',
      challenge: `Bearer error="invalid_token", error_description="Access token has expired", DPoP ${ALGS}`,
      verified: false,
    })
  })
})

describe('the resource server checks scope last', () => {
  test('answers 403 insufficient_scope naming the scope the route needs', async () => {
    const { handler, audits } = server()
    const token = await mint(claims({ scope: 'read:repo' }))
    const response = await handler(await dpopRequest(token, { method: 'POST', url: ISSUES }))
    const description = 'Access token "scope" lacks "write:issues"'
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toBe(
      `DPoP error="insufficient_scope", error_description="${quoted(description)}", scope="write:issues", ${ALGS}`,
    )
    expect(await response.json()).toEqual({ error: 'insufficient_scope', error_description: description })
    expect(audits).toHaveLength(1)
    expect(audits[0]?.[0]).toEqual({
      ...verifiedAudit,
      scope: 'read:repo',
      decision: 'deny',
      denial: { error: 'insufficient_scope', reason: description },
      claimed: { principal: 'u_marwan', actor: REVIEWER },
    })
    expect(audits[0]?.[1]?.reason).toBe('token.insufficient_scope')
    expect(audits[0]?.[1]?.explanation).toMatch(
      /"Open an issue on a repository" needs the "write:issues" scope; the token carries "read:repo"/,
    )
  })

  test('names the scope in the Bearer challenge for a bearer token', async () => {
    const response = await server().handler(
      bearerRequest(await mint(claims({ cnf: undefined, scope: 'read:repo' })), ISSUES, 'POST'),
    )
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Bearer error="insufficient_scope", .*scope="write:issues", DPoP algs=/,
    )
  })
})
