// The "Defence on" switches for the relying-party checks: a switched-off check is recorded as skipped.
import type { Reason } from '../errors/reasons.ts'
import type { CheckLog } from '../trace/check-log.ts'
import type { decisionRecorder } from '../trace/decision.ts'
import { skipIfDefenceOff, withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'

/**
 * True when the check that refuses with `reason` is switched off for this decision: it is recorded in the
 * decision's checks as skipped (with what it would have refused) and the caller goes on as a vulnerable
 * relying party would. The set comes from the caller's code (the page's run context), never from the
 * ceremony response.
 */
export function skipDefence(
  record: ReturnType<typeof decisionRecorder>,
  off: DefencesOff | undefined,
  reason: Reason,
  check: { label: string; spec: string },
  wouldRefuse: string,
): boolean {
  const log: CheckLog = {
    record: ({ label, spec, ok, detail, skipped }) =>
      void record.checks.push({
        label,
        spec,
        ok,
        ...(detail === undefined ? {} : { detail }),
        ...(skipped ? { skipped } : {}),
      }),
  }
  return skipIfDefenceOff(withDefencesOff(log, off), reason, check, wouldRefuse)
}
