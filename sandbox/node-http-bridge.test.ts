import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningSandbox } from './start-sandbox.ts'
import { startTestSandbox } from './sandbox-fixture.ts'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

/** Sends one raw HTTP/1.1 request head (and body) exactly as written; returns the status, headers and body. */
function rawRequest(head: string, body = ''): Promise<{ status: number; head: string; body: string }> {
  const url = new URL(sandbox.url)
  return new Promise((resolve, reject) => {
    let data = ''
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${head}\r\n\r\n${body}`))
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const end = data.indexOf('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)
      resolve({ status, head: data.slice(0, end).toLowerCase(), body: data.slice(end + 4) })
    })
  })
}

const host = () => `host: ${new URL(sandbox.url).host}`

describe('the node:http bridge', () => {
  test('a target starting with // is a path on the sandbox, never another host', async () => {
    const answer = await rawRequest(`GET //evil.example/jwks HTTP/1.1\r\n${host()}\r\nconnection: close`)
    expect(answer.status).toBe(404)
    expect(JSON.parse(answer.body)).toMatchObject({ error_description: 'No endpoint at //evil.example/jwks' })
  })

  test('an absolute-form target is served on the sandbox’s own base URL, whatever host it names', async () => {
    const answer = await rawRequest(
      `GET http://evil.example/.well-known/oauth-authorization-server HTTP/1.1\r\n${host()}\r\nconnection: close`,
    )
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ issuer: sandbox.issuer })
  })

  test('a target that is no path (asterisk-form) is 400', async () => {
    const answer = await rawRequest(`OPTIONS * HTTP/1.1\r\n${host()}\r\nconnection: close`)
    expect(answer.status).toBe(400)
  })

  test('a JSON answer carries its length and the security headers', async () => {
    const answer = await rawRequest(`GET /jwks HTTP/1.1\r\n${host()}\r\nconnection: close`)
    expect(answer.status).toBe(200)
    expect(answer.head).toContain(`content-length: ${Buffer.byteLength(answer.body)}`)
    expect(answer.head).toContain('content-security-policy:')
  })

  test('a body read in several chunks reaches the endpoint whole', async () => {
    const form = 'grant_type=client_credentials&client_id=nobody'
    const answer = await rawRequest(
      [
        'POST /token HTTP/1.1',
        host(),
        'content-type: application/x-www-form-urlencoded',
        'transfer-encoding: chunked',
        'connection: close',
      ].join('\r\n'),
      `5\r\n${form.slice(0, 5)}\r\n${(form.length - 5).toString(16)}\r\n${form.slice(5)}\r\n0\r\n\r\n`,
    )
    // The whole form was read: the refusal is about the grant, not a malformed or truncated body.
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'unsupported_grant_type' })
  })
})
