// A decision as a value: accepted with what it produced, or refused with the error, plus every check made.
import type { OAuthError } from '../errors/oauth-error.ts'
import { specText, type SpecRef } from '../errors/reasoned-error.ts'

export interface DecisionCheck {
  label: string
  spec: string
  ok: boolean
  detail?: string
  /** On a failed check, the stable reason id of the refusal it caused. */
  reason?: string
  /** A check the server skipped because its defence was switched off (see `defence-switch.ts`). */
  skipped?: true
}

export type Decision<T> =
  { ok: true; value: T; checks: DecisionCheck[] } | { ok: false; error: OAuthError; checks: DecisionCheck[] }

/** Collects checks for one decision and closes it as accepted or refused, so nothing leaves by a side channel. */
export function decisionRecorder() {
  const checks: DecisionCheck[] = []
  return {
    checks,
    pass(label: string, spec: SpecRef | string, detail?: string): void {
      checks.push({
        label,
        spec: typeof spec === 'string' ? spec : specText(spec),
        ok: true,
        ...(detail === undefined ? {} : { detail }),
      })
    },
    refuse<T = never>(label: string, error: OAuthError): Decision<T> {
      checks.push({
        label,
        spec: specText(error.spec),
        ok: false,
        detail: error.description,
        reason: error.reason,
      })
      return { ok: false, error, checks }
    },
    accept<T>(value: T): Decision<T> {
      return { ok: true, value, checks }
    },
  }
}
