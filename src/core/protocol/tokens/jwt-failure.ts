// Why a JWT was refused: the rule it broke, where the rule is written, and words for the wire and for people.
import type { Reason } from '../errors/reasons.ts'

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
  explanation: string
}

/**
 * Builds a {@link JwtFailure}.
 * @see RFC 8725 §3
 */
export const jwtFailure = (
  rule: JwtRule,
  spec: string,
  description: string,
  explanation: string,
): JwtFailure => ({ rule, spec, description, explanation })

/**
 * The stable reason id of a refusal on each rule, the same whichever server refused the token.
 * @see RFC 8725 §3
 */
export const REASON_FOR_RULE = {
  format: 'token.malformed',
  encoding: 'token.encoding',
  typ: 'token.typ',
  header: 'token.header',
  crit: 'token.crit',
  alg: 'token.alg',
  key: 'token.key',
  signature: 'token.signature',
  claims: 'token.claims_missing',
  iss: 'token.iss',
  aud: 'token.aud',
  nbf: 'token.not_yet_valid',
  exp: 'token.expired',
} as const satisfies Record<JwtRule, Reason>
