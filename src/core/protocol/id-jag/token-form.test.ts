import { describe, expect, test } from 'vitest'
import { readTokenForm } from './token-form.ts'

describe('a cross-app access token endpoint reads', () => {
  test('a form POST into parameters', async () => {
    const read = await readTokenForm(
      new Request('https://as.example/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=x&scope=a+b',
      }),
    )
    expect(read).toEqual({ ok: true, value: { grant_type: 'x', scope: 'a b' } })
  })

  test('no GET, answering 405', async () => {
    const read = await readTokenForm(new Request('https://as.example/token'))
    expect(read.ok || [read.error.status, read.error.code, read.error.reason]).toEqual([
      405,
      'invalid_request',
      'http.method_not_allowed',
    ])
  })

  test('no parameter sent twice', async () => {
    const read = await readTokenForm(
      new Request('https://as.example/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'scope=a&scope=b',
      }),
    )
    expect(read.ok || [read.error.code, read.error.reason]).toEqual([
      'invalid_request',
      'request.repeated_param',
    ])
  })
})
