// The one way a server records its checks: passed, refused (the refusal comes back to return), or skipped.
import { formatSpecRef, type SpecRef } from '../errors/spec-ref.ts'
import type { Refusal } from '../errors/refusal.ts'
import { NO_CHECK_LOG, type CheckLog } from './check-log.ts'
import { skipIfDefenceOff, skippedCheck } from './defence-switch.ts'

/** One rule a server checks: what is checked, as a sentence, and where the rule is written. */
export interface CheckRule {
  label: string
  spec: SpecRef | string
}

const specOf = (rule: CheckRule): string =>
  typeof rule.spec === 'string' ? rule.spec : formatSpecRef(rule.spec)

/**
 * Wraps a {@link CheckLog} for one decision. Every refusal goes through `refuse`, so a refusal is never
 * made without its failed check, request-parsing ones included.
 */
export function checkRecorder(log: CheckLog = NO_CHECK_LOG) {
  return {
    log,
    pass(rule: CheckRule, detail?: string): void {
      log.record({
        label: rule.label,
        spec: specOf(rule),
        ok: true,
        ...(detail === undefined ? {} : { detail }),
      })
    },
    /**
     * Records the failed check and hands the refusal back, for `return fail(record.refuse(…))`. The
     * detail defaults to the refusal's plain-language explanation. `rule.spec` defaults to the refusal's.
     */
    refuse<E extends Refusal>(
      rule: { label: string; spec?: SpecRef | string },
      error: E,
      detail = error.explanation,
    ): E {
      log.record({
        label: rule.label,
        spec: specOf({ label: rule.label, spec: rule.spec ?? error.spec }),
        ok: false,
        detail,
        reason: error.reason,
      })
      return error
    },
    /** Records a check a vulnerable server skipped (its defence off), saying what it would have refused. */
    skip(rule: CheckRule, wouldRefuse: Parameters<typeof skippedCheck>[1]): void {
      log.record(skippedCheck({ label: rule.label, spec: specOf(rule) }, wouldRefuse))
    },
    /**
     * The defence-switch hook: with the defence behind `error` switched off, records the check as
     * skipped and returns true, so the caller goes on as a vulnerable server would.
     */
    skipped(rule: CheckRule, error: Refusal, wouldRefuse = error.description): boolean {
      return skipIfDefenceOff(log, error.reason, { label: rule.label, spec: specOf(rule) }, wouldRefuse)
    },
  }
}

export type CheckRecorder = ReturnType<typeof checkRecorder>
