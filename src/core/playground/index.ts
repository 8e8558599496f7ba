// The playground layer's public entry point for the page: what the UI may use, by name.
// Explicit re-exports only (no `export *`): reading this file tells what is public, and the build marks a
// re-export-only module side-effect-free (build/side-effect-free-entry-points.ts), so a lazily loaded
// chunk takes what it uses through here without pulling the rest into first paint. What the page loads
// with `import()` has its own entry point: ./engine.ts (runs a scenario) and ./untrusted-input.ts (links
// and pasted JSON, with the schema library).

export { editedClaims, type SignedValue } from './explain/edited-claims.ts'
export { explainAuditTrail } from './explain/explain-audit-trail.ts'
export { scopesForbiddenByPolicy } from './explain/scope-policy.ts'
export { describeTtlCut } from './explain/ttl-cut.ts'
export { FLOW_LABELS } from './flows/flow-labels.ts'
export {
  findPasskeyAttack,
  PASSKEY_ATTACKS,
  type PasskeyAttack,
  type PasskeyAttackId,
} from './passkey/passkey-attacks.ts'
export { createPasskeyIdp, type PasskeyIdp, type PasskeySignIn } from './passkey/passkey-idp.ts'
export { signInAtIdp } from './passkey/sign-in-at-idp.ts'
export { signInForRun } from './passkey/sign-in-for-run.ts'
export { signInLabel, SIMULATED_PASSKEY } from './passkey/sign-in-label.ts'
export { acceptedByVulnerableIdp, type SignInResult, signInResult } from './passkey/sign-in-result.ts'
export {
  auditTrail,
  decisiveAudit,
  httpStepsTo,
  notSentError,
  receiverOf,
  refusalBy,
  runChecks,
} from './run-views.ts'
export type { ClaimSource, Party, Run, Step } from './run.ts'
export { applyPreset } from './scenario/apply-preset.ts'
export {
  defenceIsOn,
  type GalleryAttack,
  galleryAttacks,
  hasDefenceSwitch,
  isAttackLoaded,
  switchDefence,
} from './scenario/defence-switches.ts'
export { encodePermalink } from './scenario/encode-permalink.ts'
export { type Preset, PRESETS } from './scenario/presets.ts'
export {
  ATTESTATION_PLATFORMS,
  type AttestationPlatform,
  CROSS_APP_ATTACKS,
  type CrossAppAttack,
  FLOW_IDS,
  type FlowId,
  type Scenario,
  type ScenarioActor,
  type ScenarioCrossApp,
  type ScenarioEdits,
  type ScenarioRequest,
  type ScenarioUser,
  type SignInChoice,
} from './scenario/scenario.ts'
export { SEED_SCENARIO } from './scenario/seed-scenario.ts'
export { narrowingLedger } from './sequence/narrowing-ledger.ts'
export { type SequenceRow, sequenceRows, type StepPane } from './sequence/sequence-rows.ts'
export { whatToLookAt } from './sequence/what-to-look-at.ts'
