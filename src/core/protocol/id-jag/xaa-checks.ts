// One cross-app decision's checks: each rule recorded as passed, refused, or skipped with its defence off.
import type { SpecRef } from '../errors/spec-ref.ts'
import { specText } from '../errors/reasoned-error.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff } from '../trace/defence-switch.ts'
import { refuse, type XaaError, type XaaResult } from './xaa-error.ts'

/**
 * Records the checks of one decision into `log`, so the checks pane shows what decided each step.
 * `breach` is the defence-switch hook: with the refusal's defence off the check is recorded as skipped
 * and the caller goes on (null); otherwise it is recorded as failed and the refusal returned.
 */
export function xaaChecks(log: CheckLog = NO_CHECK_LOG) {
  const refused = <T>(label: string, error: XaaError): XaaResult<T> => {
    log.record({ label, spec: specText(error.spec), ok: false, detail: error.description })
    return refuse(error)
  }
  return {
    log,
    pass(label: string, spec: SpecRef, detail?: string): void {
      log.record({ label, spec: specText(spec), ok: true, ...(detail === undefined ? {} : { detail }) })
    },
    refuse: refused,
    breach<T>(label: string, error: XaaError): XaaResult<T> | null {
      if (skipIfDefenceOff(log, error.reason, { label, spec: specText(error.spec) }, error.description))
        return null
      return refused(label, error)
    },
  }
}

/**
 * A log that counts failed checks, so a handler can tell a refusal its checks already explain from one
 * made before any check (a malformed form, a bad DPoP header): that one is recorded as a check too.
 */
export function refusalLog(log: CheckLog): CheckLog & { explain(label: string, error: XaaError): void } {
  let failed = 0
  return {
    record(check) {
      if (!check.ok) failed++
      log.record(check)
    },
    ...(log.defencesOff ? { defencesOff: log.defencesOff } : {}),
    explain(label, error) {
      if (failed === 0)
        log.record({ label, spec: specText(error.spec), ok: false, detail: error.description })
    },
  }
}
