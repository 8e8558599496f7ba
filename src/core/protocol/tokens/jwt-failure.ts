// Why a JWT was refused: the rule it broke, where the rule is written, and words for the wire and for people.

/**
 * The rules a JWT is checked against, in the order `verifyJwt` checks them, so a refusal on one rule
 * means every rule before it passed.
 * @see RFC 7519 §7.2
 * @see RFC 8725 §3
 */
export const JWT_RULES = [
  'format',
  'encoding',
  'typ',
  'header',
  'crit',
  'alg',
  'key',
  'signature',
  'claims',
  'iss',
  'aud',
  'nbf',
  'exp',
] as const

export type JwtRule = (typeof JWT_RULES)[number]

/** A refusal, before each server turns it into its own error code and check label. */
export interface JwtFailure {
  rule: JwtRule
  /** Where the rule is written, for example "RFC 8725 §3.11". */
  spec: string
  /** The wire `error_description`: short, quoting the header parameter or claim at fault. */
  description: string
  /** A plain-language explanation of what was wrong and why it matters. */
  reason: string
}

/**
 * Builds a {@link JwtFailure}.
 * @see RFC 8725 §3
 */
export const jwtFailure = (rule: JwtRule, spec: string, description: string, reason: string): JwtFailure => ({
  rule,
  spec,
  description,
  reason,
})
