// The attacks of the identity-chaining and transaction-token flows (issue #14), as scenario values.

/** What goes wrong across trust domains (draft-ietf-oauth-identity-chaining-16). */
export const CHAINING_ATTACKS = [
  'none',
  'grant-at-third-domain',
  'replayed-grant',
  'widened-at-b',
  'domain-a-token-at-b',
  'act-spliced',
] as const
export type ChainingAttack = (typeof CHAINING_ATTACKS)[number]

/** What goes wrong inside one trust domain (draft-ietf-oauth-transaction-tokens-08). */
export const TXN_ATTACKS = [
  'none',
  'outside-trust-domain',
  'after-expiry',
  'replacement-widens',
  'tampered-tctx',
  'access-token-forwarded',
] as const
export type TxnAttack = (typeof TXN_ATTACKS)[number]
