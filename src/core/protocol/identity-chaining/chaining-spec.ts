// The identity-chaining draft this code implements, and the reason ids its refusals carry.

/** The version implemented: the working group's editor's copy after -16 (July 2026); sections as in -16. */
export const IDENTITY_CHAINING_DRAFT = 'draft-ietf-oauth-identity-chaining-16'

/** The token type a JWT authorization grant is issued as (RFC 8693 §3). */
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt'

/** Every refusal reason of the chaining flow, for documentation and tests. */
export const CHAIN_REASONS = [
  'chain.unknown_domain',
  'chain.scope_widened',
  'chain.act_spliced',
  'chain.subject_token_invalid',
  'chain.grant_malformed',
  'chain.grant_untrusted_issuer',
  'chain.grant_audience_mismatch',
  'chain.grant_expired',
  'chain.grant_not_yet_valid',
  'chain.grant_invalid',
  'chain.grant_replayed',
  'chain.foreign_token',
  'chain.unknown_subject',
  'chain.request_invalid',
  'chain.token_missing',
  'chain.scope_insufficient',
] as const
