import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningSandbox } from './start-sandbox.ts'
import { postForm, startTestSandbox } from './sandbox-fixture.ts'

let sandbox: RunningSandbox
let issuer: string
beforeAll(async () => {
  sandbox = await startTestSandbox()
  issuer = sandbox.issuer
})
afterAll(async () => {
  // Whatever came before, the sandbox is still up and answering.
  expect((await fetch(`${issuer}/`)).status).toBe(200)
  await sandbox.close()
})

const send = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${issuer}${path}`, init)
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  }
}
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
const big = 'a='.padEnd(100 * 1024, 'a')

describe('malformed requests get a clear RFC error, never a crash', () => {
  test.each([
    [
      'JSON to the token endpoint',
      '/token',
      json({ grant_type: 'x' }),
      'Content-Type must be application/x-www-form-urlencoded, not "application/json"',
    ],
    [
      'text to a test issuer',
      '/demo/subject-token',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'sub=u' },
      'Content-Type must be application/x-www-form-urlencoded or application/json, not "text/plain"',
    ],
    [
      'no body and no type to the token endpoint',
      '/token',
      { method: 'POST' },
      'Content-Type must be application/x-www-form-urlencoded, not "none"',
    ],
  ])('wrong or missing content type: %s is 400', async (_, path, init, description) => {
    expect(await send(path, init)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: description },
    })
  })

  test.each([
    ['/token', '"grant_type" is required'],
    ['/demo/subject-token', '"sub" is required'],
  ])('an empty form body at %s says what is missing', async (path, description) => {
    const response = await postForm(`${issuer}${path}`, '')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
  })

  test('an empty JSON body is refused as such', async () => {
    expect((await send('/demo/actor-token', json(''))).body.error_description).toBe('The JSON body is empty')
  })

  test.each(['/token', '/demo/subject-token'])('malformed form encoding at %s is 400', async (path) => {
    const response = await postForm(`${issuer}${path}`, 'sub=%zz&scope=read')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Malformed form encoding in "sub=%zz"',
    })
  })

  test('a body over the limit is 413 before it is read, from its Content-Length', async () => {
    const response = await postForm(`${issuer}/token`, big)
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Body exceeds 65536 bytes',
    })
  })

  test('a streamed body with no Content-Length is cut off at the limit with 413', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(16 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  test.each([
    ['/nowhere', 'No endpoint at /nowhere'],
    ['/api/nowhere', 'No resource at /api/nowhere'],
  ])('an unknown path %s is 404', async (path, description) => {
    expect(await send(path)).toMatchObject({
      status: 404,
      body: { error: 'invalid_request', error_description: description },
    })
  })

  test.each([
    ['GET', '/token', 'POST'],
    ['PUT', '/introspect', 'POST'],
    ['DELETE', '/jwks', 'GET, HEAD'],
    ['POST', '/audit', 'GET, HEAD'],
    ['DELETE', '/api/repos/marwan/playground', 'GET'],
  ])('a wrong method (%s %s) is 405 with Allow', async (method, path, allow) => {
    const response = await send(path, { method })
    expect(response).toMatchObject({ status: 405, body: { error: 'invalid_request' } })
    expect(response.headers.get('allow')).toBe(allow)
  })

  test('HEAD of the metadata answers like GET, without a body', async () => {
    const response = await fetch(`${issuer}/.well-known/oauth-authorization-server`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  test('bytes that are not HTTP at all get 400 from Node, and the sandbox keeps serving', async () => {
    const { port } = new URL(issuer)
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'))
      let text = ''
      socket.on('data', (data) => (text += data.toString()))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 400 /)
  })
})

describe('the test issuers refuse bad input with a clear 400', () => {
  test.each([
    ['subject', { scope: 'read:repo' }, '"sub" is required'],
    [
      'subject',
      { sub: 'u', scope: 'read:repo "quoted"' },
      '"scope" holds a character scope tokens cannot hold',
    ],
    ['subject', { sub: 'u', scope: '   ' }, '"scope" must hold at least one scope token'],
    ['subject', { sub: 'u', scope: 'a', ttl: 'soon' }, '"ttl" must be a whole number of seconds'],
    ['subject', { sub: 'u', scope: 'a', ttl: 0 }, '"ttl" must be at least 1'],
    ['subject', { sub: 'u', scope: 'a', act: 'not json' }, '"act" must be a JSON object with "sub"'],
    ['subject', { sub: 'u', scope: 'a', act: { azp: 'x' } }, '"act.sub" is required'],
    [
      'subject',
      { sub: 'u', scope: 'a', act: { sub: 'p', act: { sub: 7 } } },
      '"act.act.sub" must be a string',
    ],
    ['subject', { sub: 'u', scope: 'a', admin: true }, '"admin" is not a parameter of this endpoint'],
    ['actor', {}, '"spiffe_id" is required'],
    [
      'actor',
      { spiffe_id: 'https://prod/agent' },
      '"spiffe_id" must be a SPIFFE ID such as spiffe://prod/agent/code-reviewer/v3',
    ],
    [
      'actor',
      { spiffe_id: 'spiffe://prod/agent/x', attestation: 'trust-me' },
      '"attestation" must be one of github-oidc, k8s-psat, aws-iid, gcp-iit, none',
    ],
  ])('%s token: %j', async (kind, body, description) => {
    expect(await send(`/demo/${kind}-token`, json(body))).toEqual({
      status: 400,
      headers: expect.anything(),
      body: { error: 'invalid_request', error_description: description },
    })
  })

  test('an act chain deeper than the limit is refused', async () => {
    let act: Record<string, unknown> = { sub: 'deepest' }
    for (let i = 0; i < 9; i++) act = { sub: `a${i}`, act }
    expect(
      (await send('/demo/subject-token', json({ sub: 'u', scope: 'a', act }))).body.error_description,
    ).toBe('"act" may nest at most 8 actors')
  })

  test('a parameter sent twice in a form is refused', async () => {
    const response = await postForm(`${issuer}/demo/subject-token`, 'sub=a&sub=b&scope=x')
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: '"sub" is included more than once',
    })
  })
})
