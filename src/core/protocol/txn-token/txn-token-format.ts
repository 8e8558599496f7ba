// What a Txn-Token is on the wire: its type URI, JOSE `typ`, HTTP header, claims, and how it is signed.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'

/** The version implemented: the working group's editor's copy after -08 (July 2026); sections as in it. */
export const TXN_TOKEN_DRAFT = 'draft-ietf-oauth-transaction-tokens-08'
/** The agents extension that puts the agent in `act` and keeps the principal in `sub`. */
export const TXN_AGENTS_DRAFT = 'draft-araut-oauth-transaction-tokens-for-agents-02'

/** @see draft-ietf-oauth-transaction-tokens-08 §11.1, §16.1 */
export const TXN_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:txn_token'
/** @see draft-ietf-oauth-transaction-tokens-08 §9.1 */
export const TXN_TOKEN_TYP = 'txntoken+jwt'
/** The request header that carries exactly one Txn-Token. @see draft-ietf-oauth-transaction-tokens-08 §12.1 */
export const TXN_TOKEN_HEADER = 'Txn-Token'

/** Every refusal reason of the transaction-token flow, for documentation and tests. */
export const TXN_REASONS = [
  'txn.request_invalid',
  'txn.wrong_domain',
  'txn.scope_missing',
  'txn.scope_widened',
  'txn.unknown_subject_scope',
  'txn.subject_token_invalid',
  'txn.unknown_workload',
  'txn.expired',
  'txn.tctx_tampered',
  'txn.context_invalid',
  'txn.signature_invalid',
  'txn.access_token_forwarded',
  'txn.token_missing',
  'txn.scope_insufficient',
  'txn.token_invalid',
] as const

/** The claims of a Txn-Token. @see draft-ietf-oauth-transaction-tokens-08 §9.2 */
export interface TxnTokenClaims {
  /** The Transaction Token Service. Optional in the draft; always set here so verifiers know the signer. */
  iss: string
  /** The trust domain: the token is worthless outside it. */
  aud: string
  iat: number
  exp: number
  /** The transaction id, unchanged by replacements (§13.15). */
  txn: string
  /** The principal the transaction is for. */
  sub: string
  /** The purpose of the transaction. */
  scope: string
  /** Transaction context: immutable through the call chain (§9.2.3). */
  tctx: Record<string, unknown>
  /** Request context: where and how the request came in (§9.2.2). */
  rctx: Record<string, unknown>
  /** The workloads that requested this token, first to last, comma-separated (this playground's form). */
  req_wl: string
  /** The agent acting for `sub`, as the agents extension places it. */
  act?: Record<string, unknown>
}

/**
 * Signs a Txn-Token with `typ` `txntoken+jwt`.
 * @see draft-ietf-oauth-transaction-tokens-08 §9
 */
export function mintTxnToken(key: SigningKey, claims: TxnTokenClaims): Promise<string> {
  const { iss, aud, iat, exp, sub, ...rest } = claims
  return new SignJWT(rest)
    .setProtectedHeader({ alg: key.alg, typ: TXN_TOKEN_TYP, kid: key.kid })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.privateKey)
}
