// The checks a JWT access token goes through at the resource server, with the words and section for the log.

export interface AccessTokenCheck {
  label: string
  spec: string
}

/**
 * The RFC 9068 §4 validation steps, plus RFC 8725's algorithm allowlist.
 * @see RFC 9068 §4
 */
export const ACCESS_TOKEN_CHECKS = {
  wellFormed: { label: 'access token is a well-formed JWT', spec: 'RFC 9068 §4, RFC 7519 §7.2' },
  typ: { label: 'access token "typ" is at+jwt', spec: 'RFC 9068 §2.1, §4' },
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
