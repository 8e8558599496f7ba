import { describe, expect, test } from 'vitest'
import { createDpopProof } from './create-proof.ts'
import { agent, expectRefusal, NOW, verify } from './dpop-test-fixture.ts'

const REQUEST_URL = 'https://server.example.com/token'

/** Verifies a POST to `requestUrl` carrying a proof whose `htu` is `htu`. */
const check = async (htu: string, requestUrl = REQUEST_URL) =>
  verify([await createDpopProof(agent, { htm: 'POST', htu, iat: NOW })], { htm: 'POST', htu: requestUrl })

describe('verifyDpopProof compares "htu" after RFC 3986 §6.2.2 normalisation', () => {
  test.each([
    ['a percent-encoded unreserved character (§6.2.2.2)', 'https://server.example.com/%74oken'],
    ['a lower-case percent-encoded unreserved character', 'https://server.example.com/%74%6f%6b%65%6e'],
    ['an upper-case scheme and host (§6.2.2.1)', 'HTTPS://SERVER.Example.COM/token'],
    ['the default port (§6.2.3)', 'https://server.example.com:443/token'],
    ['dot-segments (§6.2.2.3)', 'https://server.example.com/a/../token'],
    [
      'an encoded tilde against a plain one',
      'https://server.example.com/%7Etoken',
      'https://server.example.com/~token',
    ],
    [
      'hex digits in either case (§6.2.2.1)',
      'https://server.example.com/a%2fb',
      'https://server.example.com/a%2Fb',
    ],
  ])('accepts a proof whose htu differs only by %s', async (_, htu, requestUrl = REQUEST_URL) => {
    const { result } = await check(htu, requestUrl)
    expect(result.ok).toBe(true)
  })

  test.each([
    ['another path', 'https://server.example.com/token2'],
    ['an encoded slash, which is data and not a path separator', 'https://server.example.com/%2Ftoken'],
    ['a path whose case differs', 'https://server.example.com/Token'],
    ['another port', 'https://server.example.com:8443/token'],
  ])('still refuses a proof whose htu names %s', async (_, htu) => {
    await expectRefusal(await check(htu), {
      status: 401,
      spec: 'RFC 9449 §4.3 (9)',
      description: 'DPoP proof "htu" does not match the request URL',
      reason: 'dpop.htu_mismatch',
    })
  })
})
