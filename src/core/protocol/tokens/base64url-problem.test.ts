// Canonical base64url: the one spelling each byte string has in a JWS, and the lenient spellings refused.
import { base64url } from 'jose'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { base64urlProblem } from './base64url-problem.ts'

describe('base64urlProblem', () => {
  test.each([
    ['the empty segment', ''],
    ['a 2-character tail with its unused bits zero', 'QQ'],
    ['a 3-character tail with its unused bits zero', 'QUI'],
    ['a full group', 'QUJD'],
    ['"-" and "_"', '-_-_'],
  ])('accepts %s', (_name, segment) => {
    expect(base64urlProblem(segment)).toBeNull()
  })

  test.each([
    ['padding', 'QQ==', /"=" padding/],
    ['"+" from the base64 alphabet', 'ab+c', /"\+", a base64 character base64url writes as "-"/],
    ['"/" from the base64 alphabet', 'ab/c', /"\/", a base64 character base64url writes as "_"/],
    ['a space', 'QU JD', /whitespace/],
    ['a line break', 'QUJD\n', /whitespace/],
    ['a 2-character tail whose low 4 bits are set', 'QR', /ends in "R", whose unused low bits are not zero/],
    ['a 3-character tail whose low 2 bits are set', 'QUJ', /ends in "J", whose unused low bits are not zero/],
  ])('calls a segment with %s non-canonical', (_name, segment, says) => {
    expect(base64urlProblem(segment)).toEqual({ kind: 'non-canonical', says: expect.stringMatching(says) })
  })

  test.each([
    ['a character outside every base64 alphabet', 'ab~c', /"~", which is not a base64url character/],
    ['a length of 4n + 1', 'QUJDR', /5 characters, a length no base64 encoding has/],
  ])('calls a segment with %s undecodable', (_name, segment, says) => {
    expect(base64urlProblem(segment)).toEqual({ kind: 'undecodable', says: expect.stringMatching(says) })
  })

  test('accepts what the encoder writes, and no other spelling of the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(63), (bytes, index) => {
        // Only a tail of 1 or 2 bytes leaves bits unused, so only then can one character be respelled.
        const canonical = base64url.encode(bytes)
        expect(base64urlProblem(canonical)).toBeNull()
        if (bytes.length % 3 === 0) return
        const respelled = `${canonical.slice(0, -1)}${alphabet.charAt(index)}`
        const sameBytes = base64url.encode(base64url.decode(respelled)) === canonical
        if (respelled !== canonical && sameBytes)
          expect(base64urlProblem(respelled)).toMatchObject({ kind: 'non-canonical' })
      }),
      { numRuns: 500 },
    )
  })
})
