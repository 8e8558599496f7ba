import { describe, expect, test } from 'vitest'
import { boundedRequest } from './bounded-request.ts'

const BASE = 'https://sandbox.example.com'

describe('the request the core sees', () => {
  test('is rebased onto the public base URL, whatever Host the adapter saw, with its query kept', async () => {
    const incoming = new Request('http://10.0.0.7:8693/api/repos/a/b?x=1', {
      headers: { authorization: 'DPoP t' },
    })
    const bounded = await boundedRequest(incoming, BASE, 1024)
    expect(bounded.ok && bounded.value.url).toBe('https://sandbox.example.com/api/repos/a/b?x=1')
    expect(bounded.ok && bounded.value.headers.get('authorization')).toBe('DPoP t')
  })

  test('keeps the body and method, and drops the old framing headers', async () => {
    const incoming = new Request('http://127.0.0.1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' },
      body: 'a=1',
    })
    const bounded = await boundedRequest(incoming, BASE, 1024)
    expect(bounded.ok && (await bounded.value.text())).toBe('a=1')
    expect(bounded.ok && bounded.value.headers.get('content-length')).toBeNull()
  })

  test('refuses a declared Content-Length over the limit without reading the body', async () => {
    const body = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(2048)) })
    const incoming = new Request('http://127.0.0.1/token', {
      method: 'POST',
      headers: { 'content-length': '2048' },
      body,
      duplex: 'half',
    } as RequestInit)
    const bounded = await boundedRequest(incoming, BASE, 1024)
    expect(!bounded.ok && bounded.error).toMatchObject({
      status: 413,
      description: 'Body exceeds 1024 bytes',
    })
    expect(incoming.bodyUsed).toBe(false)
  })

  test('stops reading a stream as soon as it passes the limit', async () => {
    let chunks = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++
        controller.enqueue(new Uint8Array(512))
      },
    })
    const incoming = new Request('http://127.0.0.1/token', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    const bounded = await boundedRequest(incoming, BASE, 1024)
    expect(!bounded.ok && bounded.error.status).toBe(413)
    expect(chunks).toBeLessThanOrEqual(4)
  })
})
