// The protocol layer's public entry point for the page: what the UI may use, by name.
// Explicit re-exports only (no `export *`), as in ../playground/index.ts. The signing keys, which the
// page loads with `import()` after first paint, have their own entry point: ./signing-keys.ts.

export type { ActorProfileCheck } from './actor-profile/actor-profile-rules.ts'
export { type AuditEvent, withoutActor } from './audit/audit-event.ts'
export { writeValue } from './audit/audit-line-syntax.ts'
export { formatAuditFields, formatAuditTime } from './audit/format-audit-line.ts'
export { oauthError } from './errors/oauth-error.ts'
export { specText } from './errors/reasoned-error.ts'
export { type Reason, REASONS } from './errors/reasons.ts'
export { type Refusal, refusalName } from './errors/refusal-name.ts'
export { formatSpecRef, type SpecRef } from './errors/spec-ref.ts'
export type { HttpRequestSnapshot, HttpResponseSnapshot } from './http/http-snapshot.ts'
export { parseFormBody } from './http/parse-form-body.ts'
export { formatRawRequest } from './http/parse-raw-request.ts'
export type { ExchangePolicy } from './idp/exchange-policy.ts'
export { isObject } from './json/is-object.ts'
export type { KeyRing } from './keys/key-ring.ts'
export { claimInfo } from './tokens/claim-registry.ts'
export {
  type ChainLink,
  type InspectedClaim,
  inspectToken,
  MAX_INSPECT_CHARS,
} from './tokens/inspect-token.ts'
export { ISSUABLE_TOKEN_TYPES, REGISTERED_TOKEN_TYPES } from './tokens/token-types.ts'
export type { TokenView } from './tokens/token-view.ts'
export { type SignatureCheck, verifyPastedSignature } from './tokens/verify-pasted-signature.ts'
export type { Check, CheckActor } from './trace/check-log.ts'
export type { DefencesOff } from './trace/defence-switch.ts'
export { ceremonyFailed } from './webauthn/ceremony-failed.ts'
