import { connect } from 'node:net'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningSandbox } from './start-sandbox.ts'
import { asLibraryFetch, demoTokens, exchangeForm, oauthAgent, startTestSandbox } from './sandbox-fixture.ts'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

/** Sends one raw HTTP/1.1 request, exactly as written, and returns the status and body of the answer. */
function rawRequest(url: URL, head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let data = ''
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${head}\r\n`))
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) })
    })
  })
}

/** A DPoP-bound token, and a valid proof for one GET of `repo` made by oauth4webapi (captured, not sent). */
async function tokenAndProof(repo: URL) {
  const agent = await oauthAgent(sandbox.issuer)
  const { subject, actor } = await demoTokens(sandbox.issuer)
  const { access_token: token } = await agent.exchange(exchangeForm(subject, actor))
  let proof = ''
  await oauth.protectedResourceRequest(token, 'GET', repo, undefined, undefined, {
    ...agent.http,
    DPoP: oauth.DPoP(agent.client, agent.keyPair),
    [oauth.customFetch]: asLibraryFetch(async (_url, init) => {
      proof = new Headers(init.headers).get('dpop')!
      return Promise.resolve(new Response('{}'))
    }),
  })
  return { token, proof }
}

// About 1,000 fields is where Node's parser stopped counting by default (maxHeadersCount 2000 entries).
const FILLER = Array.from({ length: 1100 }, (_, i) => `f${i}: a\r\n`).join('')

describe('a header field hidden behind many others', () => {
  test('a second DPoP header after 1,100 filler fields is seen: the request is refused, not answered 200', async () => {
    const repo = new URL(`${sandbox.issuer}/api/repos/marwan/playground`)
    const { token, proof } = await tokenAndProof(repo)
    const head = [
      `GET ${repo.pathname} HTTP/1.1`,
      `host: ${repo.host}`,
      `authorization: DPoP ${token}`,
      `dpop: ${proof}`,
      `${FILLER}dpop: second-proof`,
      'connection: close',
      '',
    ].join('\r\n')
    const answer = await rawRequest(repo, head)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'Multiple "DPoP" headers',
    })
  })

  test('a second Authorization header after 1,100 filler fields is seen: the request is refused, not answered 200', async () => {
    const repo = new URL(`${sandbox.issuer}/api/repos/marwan/playground`)
    const { token, proof } = await tokenAndProof(repo)
    const head = [
      `GET ${repo.pathname} HTTP/1.1`,
      `host: ${repo.host}`,
      `authorization: DPoP ${token}`,
      `dpop: ${proof}`,
      `${FILLER}authorization: Bearer other`,
      'connection: close',
      '',
    ].join('\r\n')
    const answer = await rawRequest(repo, head)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'invalid_request',
      error_description: 'Multiple methods used to include access token',
    })
  })

  test('a header section over 16 KiB is refused with 431', async () => {
    const url = new URL(`${sandbox.issuer}/`)
    const filler = Array.from({ length: 3000 }, (_, i) => `f${i}: a\r\n`).join('')
    const answer = await rawRequest(
      url,
      `GET / HTTP/1.1\r\nhost: ${url.host}\r\n${filler}connection: close\r\n`,
    )
    expect(answer.status).toBe(431)
  })
})
