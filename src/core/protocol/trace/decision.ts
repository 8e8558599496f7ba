// A decision as a value: accepted with what it produced, or refused with the error, plus every check made.
import type { OAuthError } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { SpecRef } from '../errors/spec-ref.ts'
import { checkRecorder } from './check-recorder.ts'

export interface DecisionCheck {
  label: string
  spec: string
  ok: boolean
  detail?: string
  /** On a failed check, the stable reason id of the refusal it caused. */
  reason?: Reason
  /** A check the server skipped because its defence was switched off (see `defence-switch.ts`). */
  skipped?: true
}

export type Decision<T> =
  { ok: true; value: T; checks: DecisionCheck[] } | { ok: false; error: OAuthError; checks: DecisionCheck[] }

/**
 * Collects checks for one decision and closes it as accepted or refused, so nothing leaves by a side
 * channel. It records through {@link checkRecorder}, the one recorder; its checks are that recorder's.
 */
export function decisionRecorder() {
  const checks: DecisionCheck[] = []
  const record = checkRecorder({
    record: ({ label, spec, ok, detail, reason, skipped }) =>
      checks.push({
        label,
        spec,
        ok,
        ...(detail === undefined ? {} : { detail }),
        ...(reason === undefined ? {} : { reason }),
        ...(skipped ? { skipped } : {}),
      }),
  })
  return {
    checks,
    pass(label: string, spec: SpecRef | string, detail?: string): void {
      record.pass({ label, spec }, detail)
    },
    refuse<T = never>(label: string, error: OAuthError): Decision<T> {
      return { ok: false, error: record.refuse({ label }, error, error.description), checks }
    },
    accept<T>(value: T): Decision<T> {
      return { ok: true, value, checks }
    },
  }
}
