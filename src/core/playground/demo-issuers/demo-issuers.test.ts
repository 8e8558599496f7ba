import { decodeJwt, decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { createKeyRing, type KeyRing } from '../../protocol/keys/key-ring.ts'
import { createDemoActorTokenIssuer, createDemoSubjectTokenIssuer } from './demo-issuers.ts'

const ISSUER = 'http://127.0.0.1:8693'
const WORKLOAD = 'https://spire.lab.marwandiallo.com'
const NOW = 1_767_225_600
let keys: KeyRing
beforeAll(async () => {
  keys = await createKeyRing()
})

const issuers = () => {
  const options = {
    issuer: ISSUER,
    idpKey: keys.idp,
    workloadIssuer: WORKLOAD,
    workloadKey: keys.workload,
    clock: () => NOW * 1000,
  }
  return { subject: createDemoSubjectTokenIssuer(options), actor: createDemoActorTokenIssuer(options) }
}
const form = (body: string) =>
  new Request(`${ISSUER}/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })
const json = (body: unknown) =>
  new Request(`${ISSUER}/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('the test subject-token issuer', () => {
  test("mints the user's token for the IdP itself, with the scope asked for and a passkey amr", async () => {
    const response = await issuers().subject(form('sub=u_marwan&scope=read%3Arepo+write%3Aissues'))
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as Record<string, string>
    expect(body).toMatchObject({
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      expires_in: 3600,
    })
    expect(decodeProtectedHeader(body.subject_token!)).toMatchObject({ typ: 'at+jwt', kid: keys.idp.kid })
    expect(decodeJwt(body.subject_token!)).toMatchObject({
      iss: ISSUER,
      aud: ISSUER,
      sub: 'u_marwan',
      scope: 'read:repo write:issues',
      amr: ['hwk', 'user'],
      iat: NOW,
      exp: NOW + 3600,
    })
  })

  test('carries may_act and a nested act chain, from JSON or from a form', async () => {
    const act = {
      sub: 'spiffe://prod/agent/planner/v1',
      azp: 'a_planner',
      act: { sub: 'spiffe://prod/agent/triage/v1' },
    }
    const fromJson = await issuers().subject(
      json({ sub: 'u', scope: 'read:repo', may_act: 'spiffe://x/y', act, ttl: 60 }),
    )
    const fromForm = await issuers().subject(
      form(
        `sub=u&scope=read%3Arepo&may_act=spiffe%3A%2F%2Fx%2Fy&ttl=60&act=${encodeURIComponent(JSON.stringify(act))}`,
      ),
    )
    for (const response of [fromJson, fromForm]) {
      const { subject_token } = (await response.json()) as { subject_token: string }
      expect(decodeJwt(subject_token)).toMatchObject({ may_act: { sub: 'spiffe://x/y' }, act, exp: NOW + 60 })
    }
  })
})

describe('the test actor-token issuer', () => {
  test('mints a JWT-SVID from the workload issuer, addressed to the IdP, naming the attestation', async () => {
    const response = await issuers().actor(
      json({ spiffe_id: 'spiffe://prod/agent/code-reviewer/v3', attestation: 'k8s-psat' }),
    )
    const body = (await response.json()) as Record<string, string>
    expect(body).toMatchObject({ actor_token_type: 'urn:ietf:params:oauth:token-type:jwt', expires_in: 900 })
    expect(decodeProtectedHeader(body.actor_token!)).toMatchObject({ typ: 'JWT', kid: keys.workload.kid })
    expect(decodeJwt(body.actor_token!)).toMatchObject({
      iss: WORKLOAD,
      aud: ISSUER,
      sub: 'spiffe://prod/agent/code-reviewer/v3',
      attestation: 'k8s-psat',
      exp: NOW + 900,
    })
  })

  test('with no attestation the claim is left out', async () => {
    const response = await issuers().actor(form('spiffe_id=spiffe%3A%2F%2Fprod%2Fagent%2Fx'))
    expect(decodeJwt(((await response.json()) as { actor_token: string }).actor_token)).not.toHaveProperty(
      'attestation',
    )
  })
})

describe('both refuse what they cannot mint', () => {
  test.each([
    ['a GET', new Request(`${ISSUER}/demo`), 405, 'Method GET is not allowed; use POST'],
    [
      'a spiffe id with a dot segment',
      json({ spiffe_id: 'spiffe://prod/../admin' }),
      400,
      '"spiffe_id" must be a SPIFFE ID such as spiffe://prod/agent/code-reviewer/v3',
    ],
    [
      'a spiffe id with no path',
      json({ spiffe_id: 'spiffe://prod' }),
      400,
      '"spiffe_id" must be a SPIFFE ID such as spiffe://prod/agent/code-reviewer/v3',
    ],
    ['a ttl over an hour', json({ spiffe_id: 'spiffe://p/a', ttl: 3601 }), 400, '"ttl" must be at most 3600'],
    [
      'a fractional ttl',
      json({ spiffe_id: 'spiffe://p/a', ttl: 1.5 }),
      400,
      '"ttl" must be a whole number of seconds',
    ],
  ])('the actor issuer refuses %s', async (_, request, status, description) => {
    const response = await issuers().actor(request)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
  })

  test.each([
    [
      'a control character in sub',
      { sub: 'u\nadmin', scope: 'a' },
      '"sub" must not contain control characters',
    ],
    ['a sub too long', { sub: 'u'.repeat(257), scope: 'a' }, '"sub" must be at most 256 characters'],
    ['a numeric sub', { sub: 42, scope: 'a' }, '"sub" must be a string'],
    [
      'an act that is a list',
      { sub: 'u', scope: 'a', act: [{ sub: 'p' }] },
      '"act" must be a JSON object with "sub"',
    ],
    [
      'an act with an unknown member',
      { sub: 'u', scope: 'a', act: { sub: 'p', role: 'admin' } },
      '"act.role" is not allowed: an actor has sub, azp, iss and attestation',
    ],
  ])('the subject issuer refuses %s', async (_, body, description) => {
    const response = await issuers().subject(json(body))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
  })
})
