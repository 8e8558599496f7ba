import { describe, expect, test } from 'vitest'
import { authenticateBasic, readBasicCredentials, secretMatches } from './client-secret-basic.ts'

const withAuthorization = (value?: string) =>
  new Request('http://127.0.0.1/introspect', value === undefined ? {} : { headers: { authorization: value } })
const basic = (text: string) => `Basic ${btoa(text)}`
const utf8Basic = (text: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`

describe('reading HTTP Basic client credentials (RFC 6749 §2.3.1)', () => {
  test.each([
    ['plain id and secret', basic('api.github.com:s3cret'), { clientId: 'api.github.com', secret: 's3cret' }],
    ['a secret that holds a colon', basic('rs:a:b'), { clientId: 'rs', secret: 'a:b' }],
    ['form-encoded id and secret', basic('my%20rs:p%3Ass+word'), { clientId: 'my rs', secret: 'p:ss word' }],
    ['UTF-8 text', utf8Basic('rs:pässwörd'), { clientId: 'rs', secret: 'pässwörd' }],
    ['a lower-case scheme name', `basic ${btoa('rs:x')}`, { clientId: 'rs', secret: 'x' }],
  ])('reads %s', (_, header, expected) => {
    expect(readBasicCredentials(withAuthorization(header))).toEqual({ kind: 'basic', ...expected })
  })

  test.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a scheme that only starts like Basic', `Basicx ${btoa('a:b')}`],
  ])('%s is no credentials', (_, header) => {
    expect(readBasicCredentials(withAuthorization(header))).toEqual({ kind: 'none' })
  })

  test.each([
    ['no colon', basic('just-an-id')],
    ['an empty client id', basic(':secret')],
    ['characters outside Base64', 'Basic !!!'],
    ['nothing after the scheme', 'Basic'],
    ['bytes that are not UTF-8', `Basic ${btoa('rs:\xff\xfe')}`],
    ['a bad percent escape', basic('rs:%zz')],
  ])('%s is malformed', (_, header) => {
    expect(readBasicCredentials(withAuthorization(header))).toEqual({ kind: 'malformed' })
  })
})

describe('checking the secret', () => {
  test('matches only the exact secret', async () => {
    expect(await secretMatches('s3cret', 's3cret')).toBe(true)
    expect(await secretMatches('s3cret ', 's3cret')).toBe(false)
    expect(await secretMatches('', 's3cret')).toBe(false)
  })

  test('authenticates a registered caller, and nobody else', async () => {
    const callers = [{ clientId: 'rs', secret: 'x' }]
    expect(await authenticateBasic({ kind: 'basic', clientId: 'rs', secret: 'x' }, callers)).toEqual(
      callers[0],
    )
    expect(await authenticateBasic({ kind: 'basic', clientId: 'rs', secret: 'y' }, callers)).toBeNull()
    expect(await authenticateBasic({ kind: 'basic', clientId: 'other', secret: 'x' }, callers)).toBeNull()
    expect(await authenticateBasic({ kind: 'none' }, callers)).toBeNull()
  })
})
