// The one test for "a JSON object": a claim set, a header, an `act` or `cnf` member.

/** True for a plain JSON object: not null, not an array. @see RFC 8259 §4 */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
