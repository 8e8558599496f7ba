import { describe, expect, test } from 'vitest'
import { parseAuthorization } from './parse-authorization.ts'

const withAuthorization = (...values: string[]) =>
  new Request('https://api.github.com/repos/marwan/playground', {
    headers: values.map((value): [string, string] => ['authorization', value]),
  })

describe('parseAuthorization', () => {
  test.each([
    ['DPoP abc.def.ghi', { scheme: 'DPoP', token: 'abc.def.ghi' }],
    ['dpop abc.def.ghi', { scheme: 'DPoP', token: 'abc.def.ghi' }],
    [
      'Bearer Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU',
      { scheme: 'Bearer', token: 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU' },
    ],
    ['BEARER dG9rZW4=', { scheme: 'Bearer', token: 'dG9rZW4=' }],
  ])('reads "%s" case-insensitively by scheme', (header, expected) => {
    expect(parseAuthorization(withAuthorization(header))).toEqual({ ok: true, value: expected })
  })

  test.each([
    ['no Authorization header', []],
    ['an unknown scheme', ['Basic YWxhZGRpbjpvcGVuc2VzYW1l']],
    ['a scheme named like an Object property', ['constructor abc']],
  ])('finds no credentials in a request with %s', (_name, headers) => {
    expect(parseAuthorization(withAuthorization(...headers))).toEqual({ ok: true, value: null })
  })

  test.each([
    ['Bearer and DPoP in two fields', ['Bearer abc', 'DPoP def']],
    ['two DPoP fields', ['DPoP abc', 'DPoP def']],
    ['two credentials joined in one field', ['DPoP abc, Bearer def']],
  ])('rejects %s: "Multiple methods used to include access token"', (_name, headers) => {
    const result = parseAuthorization(withAuthorization(...headers))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_request',
      status: 400,
      reason: 'request.multiple_credentials',
      description: 'Multiple methods used to include access token',
      explanation: expect.stringMatching(/more than one access token/),
    })
  })

  test.each([
    ['a scheme with no token', 'DPoP', 'Malformed "DPoP" Authorization header'],
    ['a token with a space', 'Bearer abc def', 'Malformed "Bearer" Authorization header'],
    ['a token with a quote', 'Bearer "abc"', 'Malformed "Bearer" Authorization header'],
  ])('rejects %s as invalid_request', (_name, header, description) => {
    const result = parseAuthorization(withAuthorization(header))
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_request',
      status: 400,
      reason: 'request.malformed_authorization',
      description,
      explanation: expect.stringMatching(/exactly one token in token68 syntax/),
    })
  })
})
