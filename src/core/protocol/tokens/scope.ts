// The OAuth scope value, parsed once: a space-separated list of scope tokens (RFC 6749 §3.3).

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/**
 * Whether `token` is one RFC 6749 scope-token: printable ASCII without space, `"` or `\`.
 * @see RFC 6749 §3.3
 */
export const isScopeToken = (token: string): boolean => SCOPE_TOKEN.test(token)

/**
 * The scope tokens of a `scope` claim or parameter, in order, empty ones dropped (several spaces in a row
 * separate nothing). Anything but a string, such as a missing claim, holds no scope.
 * @see RFC 6749 §3.3, RFC 8693 §4.2
 */
export function parseScope(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter((token) => token !== '') : []
}

/**
 * A `scope` request parameter: `null` when it was not sent, so the caller can apply its default.
 * @see RFC 6749 §3.3
 */
export const parseScopeParam = (value: string | null): string[] | null =>
  value === null ? null : parseScope(value)

/** Whether a `scope` claim or parameter holds `token`. @see RFC 6750 §3.1 (`insufficient_scope`) */
export const hasScope = (value: unknown, token: string): boolean => parseScope(value).includes(token)

/** The `scope` value for a list of tokens. @see RFC 6749 §3.3 */
export const formatScope = (tokens: readonly string[]): string => tokens.join(' ')
