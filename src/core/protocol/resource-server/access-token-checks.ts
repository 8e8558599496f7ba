// The checks a JWT access token goes through at the resource server, with the words and section for the log.
import type { JwtRule } from '../tokens/jwt-failure.ts'

export interface AccessTokenCheck {
  label: string
  spec: string
}

/**
 * The RFC 9068 §4 validation steps, plus RFC 8725's rules on headers and algorithms, in log order.
 * @see RFC 9068 §4
 */
export const ACCESS_TOKEN_CHECKS = {
  wellFormed: { label: 'access token is a well-formed JWT', spec: 'RFC 9068 §4, RFC 7519 §7.2' },
  typ: { label: 'access token "typ" is at+jwt', spec: 'RFC 9068 §2.1, §4' },
  header: {
    label: 'access token header names no key of its own ("jwk", "jku", "x5c", "x5u") and no "crit"',
    spec: 'RFC 8725 §3.10, RFC 7515 §4.1.11',
  },
  alg: {
    label: 'access token "alg" is an accepted asymmetric algorithm',
    spec: 'RFC 9068 §4, RFC 8725 §3.1',
  },
  signature: { label: "access token signature verifies with the IdP's keys", spec: 'RFC 9068 §4' },
  required: {
    label: 'access token has iss, aud, sub, exp, iat, jti and client_id',
    spec: 'RFC 9068 §2.2',
  },
  iss: { label: 'access token "iss" is the IdP', spec: 'RFC 9068 §4' },
  aud: { label: 'access token "aud" includes this resource server', spec: 'RFC 9068 §4' },
  time: {
    label: 'access token is within its validity period ("nbf", "exp")',
    spec: 'RFC 9068 §4, RFC 7519 §4.1.4',
  },
} as const satisfies Record<string, AccessTokenCheck>

export type AccessTokenCheckId = keyof typeof ACCESS_TOKEN_CHECKS

/**
 * The rules of the shared JWT verifier each check stands for: a refusal on one of them fails that check,
 * and every check before it in the log passed.
 * @see RFC 9068 §4
 */
export const ACCESS_TOKEN_CHECK_RULES: Readonly<Record<AccessTokenCheckId, readonly JwtRule[]>> = {
  wellFormed: ['format', 'encoding'],
  typ: ['typ'],
  header: ['header', 'crit'],
  alg: ['alg'],
  signature: ['key', 'signature'],
  required: ['claims'],
  iss: ['iss'],
  aud: ['aud'],
  time: ['nbf', 'exp'],
}
