import { describe, expect, test } from 'vitest'
import { oauthError } from '../errors/oauth-error.ts'
import { quoteParam, wwwAuthenticate } from './www-authenticate.ts'

const ALGS = ['ES256', 'PS256']
const invalidToken = (description: string) =>
  oauthError('token.signature', description, { code: 'invalid_token' })

describe('wwwAuthenticate reproduces the RFC 9449 challenges', () => {
  test('offers both schemes with no error code when the request had no credentials (Fig. 17)', () => {
    expect(wwwAuthenticate({ error: null, scheme: null, algs: ALGS })).toBe('Bearer, DPoP algs="ES256 PS256"')
  })

  test('puts the error in the DPoP challenge for a bad key binding (Fig. 16)', () => {
    const error = invalidToken('Invalid DPoP key binding')
    expect(wwwAuthenticate({ error, scheme: 'DPoP', algs: ['ES256'] })).toBe(
      'DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256"',
    )
  })

  test('puts the error in the Bearer challenge for a bad bearer token, still offering DPoP (Fig. 18)', () => {
    expect(wwwAuthenticate({ error: invalidToken('Invalid token'), scheme: 'Bearer', algs: ALGS })).toBe(
      'Bearer error="invalid_token", error_description="Invalid token", DPoP algs="ES256 PS256"',
    )
  })

  test('puts the error in both challenges when both schemes were used at once (Fig. 19)', () => {
    const error = oauthError('request.multiple_credentials', 'Multiple methods used to include access token')
    expect(wwwAuthenticate({ error, scheme: null, algs: ALGS })).toBe(
      'Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token"',
    )
  })

  test('asks for a nonce without listing algorithms (Fig. 24)', () => {
    const error = oauthError('dpop.nonce_required', 'Resource server requires nonce in DPoP proof', {
      status: 401,
    })
    expect(wwwAuthenticate({ error, scheme: 'DPoP', algs: ALGS })).toBe(
      'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
    )
  })

  test('names the missing scope for insufficient_scope (RFC 6750 §3)', () => {
    const error = oauthError('token.insufficient_scope', 'Needs write:issues')
    expect(wwwAuthenticate({ error, scheme: 'Bearer', algs: ALGS, scope: 'write:issues' })).toBe(
      'Bearer error="insufficient_scope", error_description="Needs write:issues", scope="write:issues", DPoP algs="ES256 PS256"',
    )
  })
})

describe('quoteParam', () => {
  test.each([
    ['plain text', 'Invalid token', '"Invalid token"'],
    ['a double quote', 'the "Bearer" scheme', '"the \\"Bearer\\" scheme"'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['CR and LF, which could start a new header', 'bad\r\nSet-Cookie: x=1', '"badSet-Cookie: x=1"'],
    ['characters outside %x20-7E', 'caf\u00e9 \u015b\ttab', '"caf? ??tab"'],
  ])('escapes %s', (_name, value, expected) => {
    expect(quoteParam(value)).toBe(expected)
  })

  test('always gives a value the Headers API accepts', () => {
    const hostile = 'x"\\\r\n\u0000\u2028\u{1F600}'
    expect(
      () => new Headers({ 'www-authenticate': `Bearer error_description=${quoteParam(hostile)}` }),
    ).not.toThrow()
  })
})
