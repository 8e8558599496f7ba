import { decodeJwt } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { createKeyRing, type KeyRing } from '../../protocol/keys/key-ring.ts'
import { createDemoActorTokenIssuer, createDemoSubjectTokenIssuer } from './demo-issuers.ts'

const ISSUER = 'http://127.0.0.1:8693'
const NOW = 1_767_225_600
let keys: KeyRing
beforeAll(async () => {
  keys = await createKeyRing()
})

const issuers = () => {
  const options = {
    issuer: ISSUER,
    idpKey: keys.idp,
    workloadIssuer: 'https://spire.lab.marwandiallo.com',
    workloadKey: keys.workload,
    clock: () => NOW * 1000,
  }
  return { subject: createDemoSubjectTokenIssuer(options), actor: createDemoActorTokenIssuer(options) }
}
const form = (params: Record<string, string>) =>
  new Request(`${ISSUER}/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  })
const json = (body: unknown) =>
  new Request(`${ISSUER}/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const subjectClaims = async (request: Request) => {
  const response = await issuers().subject(request)
  const body = (await response.json()) as { subject_token: string }
  expect(response.status).toBe(200)
  return decodeJwt(body.subject_token)
}
const refusal = async (response: Response) => ({
  status: response.status,
  ...((await response.json()) as object),
})
const USER = { sub: 'u_marwan', scope: 'read:repo' }
const AGENT = 'spiffe://prod/agent/code-reviewer/v3'

describe('the test subject-token issuer takes may_act in its RFC 8693 §4.4 shape', () => {
  test.each([
    ['an object in JSON', json({ ...USER, may_act: { sub: AGENT, iss: 'https://spire.example' } })],
    [
      'JSON text in a form',
      form({ ...USER, may_act: JSON.stringify({ sub: AGENT, iss: 'https://spire.example' }) }),
    ],
  ])('as %s, with sub and iss', async (_, request) => {
    expect((await subjectClaims(request)).may_act).toEqual({ sub: AGENT, iss: 'https://spire.example' })
  })

  test('a plain string stays shorthand for { "sub": … }', async () => {
    expect((await subjectClaims(form({ ...USER, may_act: AGENT }))).may_act).toEqual({ sub: AGENT })
  })

  test.each([
    ['a number', json({ ...USER, may_act: 7 }), '"may_act" must be an object'],
    ['an array', json({ ...USER, may_act: [AGENT] }), '"may_act" must be an object'],
    ['broken JSON text', form({ ...USER, may_act: '{"sub": ' }), '"may_act" must be an object'],
    ['an object without sub', json({ ...USER, may_act: { iss: 'x' } }), '"may_act.sub" is required'],
    [
      'an unknown member',
      json({ ...USER, may_act: { sub: AGENT, aud: 'x' } }),
      '"may_act.aud" is not allowed',
    ],
  ])('refuses %s with a 400 naming the parameter', async (_, request, start) => {
    const answer = await refusal(await issuers().subject(request))
    expect(answer).toMatchObject({ status: 400, error: 'invalid_request' })
    expect((answer as unknown as { error_description: string }).error_description.startsWith(start)).toBe(
      true,
    )
  })
})

describe('the test issuers take iat, nbf, exp and aud, within a day of now', () => {
  test('a subject token with all four as asked', async () => {
    const claims = await subjectClaims(
      form({
        ...USER,
        iat: String(NOW - 7200),
        nbf: String(NOW - 7200),
        exp: String(NOW - 3600),
        aud: 'elsewhere',
      }),
    )
    expect(claims).toMatchObject({ iat: NOW - 7200, nbf: NOW - 7200, exp: NOW - 3600, aud: 'elsewhere' })
  })

  test('an actor token with all four as asked, from JSON numbers', async () => {
    const response = await issuers().actor(
      json({ spiffe_id: AGENT, iat: NOW, nbf: NOW + 600, exp: NOW + 1200, aud: 'elsewhere' }),
    )
    const { actor_token, expires_in } = (await response.json()) as { actor_token: string; expires_in: number }
    expect(decodeJwt(actor_token)).toMatchObject({
      iat: NOW,
      nbf: NOW + 600,
      exp: NOW + 1200,
      aud: 'elsewhere',
    })
    expect(expires_in).toBe(1200)
  })

  test('exp defaults to iat + ttl', async () => {
    expect(await subjectClaims(form({ ...USER, iat: String(NOW - 100), ttl: '60' }))).toMatchObject({
      iat: NOW - 100,
      exp: NOW - 40,
    })
  })

  test.each([
    ['exp a day and a second away', { exp: String(NOW + 86_401) }, '"exp" must be within 86400 s of now'],
    ['iat a day and a second ago', { iat: String(NOW - 86_401) }, '"iat" must be within 86400 s of now'],
    ['nbf that is not a number', { nbf: 'soon' }, '"nbf" must be a whole number of seconds since the epoch'],
    ['both exp and ttl', { exp: String(NOW), ttl: '60' }, '"exp" and "ttl" exclude each other: give one'],
  ])('refuses %s with a 400 naming the parameter', async (_, extra, description) => {
    expect(await refusal(await issuers().subject(form({ ...USER, ...extra })))).toEqual({
      status: 400,
      error: 'invalid_request',
      error_description: description,
    })
  })
})
