// Says why a JWS segment is not the one canonical base64url spelling of its bytes, or that it is.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
// Nearly every segment is all alphabet; one regex test spares the per-character walk for those.
const ONLY_ALPHABET = /^[A-Za-z0-9_-]*$/

/**
 * What is wrong with a segment: `undecodable` when no base64 decoder would read it, `non-canonical` when a
 * lenient one would (atob, and jose through it) although base64url in JWS forbids it.
 */
export interface Base64urlProblem {
  kind: 'undecodable' | 'non-canonical'
  /** A phrase completing "The header …": `contains "=" padding, which base64url in JWS leaves out`. */
  says: string
}

const nonCanonical = (says: string): Base64urlProblem => ({ kind: 'non-canonical', says })

/**
 * Why `segment` is not canonical base64url, or null when it is. Canonical means: only the URL-safe
 * alphabet, no padding, no whitespace, and the unused low bits of the last character zero. A lenient
 * decoder accepts every other spelling, so one token would have many that decode, and verify, the same.
 * @see RFC 7515 §2
 * @see RFC 4648 §3.5, §5
 */
export function base64urlProblem(segment: string): Base64urlProblem | null {
  if (!ONLY_ALPHABET.test(segment))
    for (const char of segment) {
      if (ALPHABET.includes(char)) continue
      if (char === '=') return nonCanonical('contains "=" padding, which base64url in JWS leaves out')
      if (char === '+' || char === '/')
        return nonCanonical(
          `contains "${char}", a base64 character base64url writes as "${char === '+' ? '-' : '_'}"`,
        )
      if (/\s/.test(char)) return nonCanonical('contains whitespace')
      return {
        kind: 'undecodable',
        says: `contains ${JSON.stringify(char)}, which is not a base64url character`,
      }
    }
  const last = ALPHABET.indexOf(segment.charAt(segment.length - 1))
  // A 2-character tail carries 8 bits in 12 (4 unused), a 3-character tail 16 in 18 (2 unused).
  const unused = [0, 0, 0x0f, 0x03][segment.length % 4]
  if (segment.length % 4 === 1)
    return { kind: 'undecodable', says: `has ${segment.length} characters, a length no base64 encoding has` }
  if (unused !== undefined && (last & unused) !== 0)
    return nonCanonical(`ends in "${segment.charAt(segment.length - 1)}", whose unused low bits are not zero`)
  return null
}
