import { describe, expect, test } from 'vitest'
import { isHttpError } from '../errors/refusal.ts'
import { MAX_TOKEN_REQUEST_BYTES } from './parse-token-request.ts'
import { exchangeCase, formRequest, sendExchange, TOKEN_URL } from './exchange-fixture.ts'

// A wrong method or an oversized body is refused before any token request is read: plain HTTP, not OAuth.
describe('the token endpoint answers plain HTTP failures as HTTP errors', () => {
  test('a GET is a 405 HttpError with Allow: POST, no OAuth error code', async () => {
    const { response, body, decision } = await sendExchange(exchangeCase(), {
      request: () => new Request(TOKEN_URL, { method: 'GET' }),
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    // The body keeps the shape the sandbox has always sent, so clients need no second parser.
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'Method GET is not allowed; use POST',
    })
    expect(decision.accepted).toBe(false)
    if (decision.accepted) return
    expect(isHttpError(decision.error)).toBe(true)
    expect(decision.error).not.toHaveProperty('code')
    expect(decision.error).toMatchObject({ status: 405, reason: 'http.method_not_allowed' })
  })

  test('a body over the limit is a 413 HttpError, and the audit line still records a denial', async () => {
    const { response, decision, audits } = await sendExchange(exchangeCase(), {
      request: () => formRequest(`audience=${'a'.repeat(MAX_TOKEN_REQUEST_BYTES)}`),
    })
    expect(response.status).toBe(413)
    expect(decision.accepted).toBe(false)
    if (decision.accepted) return
    expect(isHttpError(decision.error)).toBe(true)
    expect(decision.error).toMatchObject({ status: 413, reason: 'http.content_too_large' })
    expect(audits).toEqual([
      expect.objectContaining({
        decision: 'deny',
        denial: { error: 'invalid_request', reason: `Body exceeds ${MAX_TOKEN_REQUEST_BYTES} bytes` },
      }),
    ])
  })

  test('a token request sent to another path is a 404 HttpError, and none of it is read', async () => {
    const { response, body, decision, checks } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) =>
        new Request(TOKEN_URL.replace(/\/token$/, '/nowhere'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `subject_token=${subject}&actor_token=${actor ?? ''}`,
        }),
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('allow')).toBeNull()
    expect(body).toEqual({ error: 'invalid_request', error_description: 'No endpoint at /nowhere' })
    expect(decision.accepted || decision.error).toMatchObject({ status: 404, reason: 'http.not_found' })
    expect(decision.accepted || isHttpError(decision.error)).toBe(true)
    expect(checks).toEqual([expect.objectContaining({ ok: false, spec: 'RFC 9110 §15.5.5' })])
  })

  test('a malformed form is still an OAuth invalid_request, not an HTTP error', async () => {
    const { decision } = await sendExchange(exchangeCase(), { request: () => formRequest('a=%zz') })
    expect(decision.accepted).toBe(false)
    if (decision.accepted) return
    expect(isHttpError(decision.error)).toBe(false)
    expect(decision.error).toMatchObject({ code: 'invalid_request', reason: 'request.malformed_form' })
  })
})
