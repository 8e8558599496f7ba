// Which claims hold NumericDate values (RFC 7519 §2), wherever they sit in a token.

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time'])

/** True for `exp`, `act.iat` and the like: the last path segment names a time claim. */
export function isTimeClaim(path: string, value: unknown): value is number {
  const name = path.slice(path.lastIndexOf('.') + 1)
  return TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)
}
