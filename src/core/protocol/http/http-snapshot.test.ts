import { describe, expect, test } from 'vitest'
import { sendAndSnapshot, snapshotHeader, type FetchHandler } from './http-snapshot.ts'

/** A handler that keeps what it received, as the IdP would read it, and answers with JSON. */
function recorder() {
  const seen: { method: string; url: string; headers: [string, string][]; body: string }[] = []
  const handler: FetchHandler = async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      body: request.body ? await request.text() : '',
    })
    return new Response(JSON.stringify({ ok: true }), {
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json', 'dpop-nonce': 'n-1' },
    })
  }
  return { seen, handler }
}

describe('sendAndSnapshot', () => {
  test('the handler receives exactly the method, URL, headers and body the snapshot shows', async () => {
    const { seen, handler } = recorder()
    const request = new Request('https://idp.example/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: 'a.b.c' },
      body: 'grant_type=x&scope=read%3Arepo',
    })
    const sent = await sendAndSnapshot(handler, request)
    expect(seen).toEqual([sent.request])
    expect(sent.request.body).toBe('grant_type=x&scope=read%3Arepo')
  })

  test('sends a request without a body as one without a body', async () => {
    const { seen, handler } = recorder()
    const sent = await sendAndSnapshot(handler, new Request('https://api.example/repos/a/b'))
    expect(sent.request).toEqual({
      method: 'GET',
      url: 'https://api.example/repos/a/b',
      headers: [],
      body: '',
    })
    expect(seen[0]?.body).toBe('')
  })

  test('keeps the response status, headers and body, read once', async () => {
    const { handler } = recorder()
    const sent = await sendAndSnapshot(handler, new Request('https://api.example/'))
    expect(sent.response).toMatchObject({ status: 201, statusText: 'Created', body: '{"ok":true}' })
    expect(snapshotHeader(sent.response, 'DPoP-Nonce')).toBe('n-1')
    expect(snapshotHeader(sent.response, 'www-authenticate')).toBeNull()
  })
})
