// One cross-app decision's checks: each rule recorded as passed, refused, or skipped with its defence off.
import type { SpecRef } from '../errors/spec-ref.ts'
import { NO_CHECK_LOG, type CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { refuse, type XaaError, type XaaResult } from './xaa-error.ts'

/**
 * Records the checks of one decision into `log` through the one check recorder, so the checks pane
 * shows what decided each step. `breach` is the defence-switch hook: with the refusal's defence off the
 * check is recorded as skipped and the caller goes on (null); otherwise it is recorded as failed and the
 * refusal returned.
 */
export function xaaChecks(log: CheckLog = NO_CHECK_LOG) {
  const record = checkRecorder(log)
  const refused = <T>(label: string, error: XaaError): XaaResult<T> =>
    refuse(record.refuse({ label }, error, error.description))
  return {
    log,
    pass: (label: string, spec: SpecRef, detail?: string): void => record.pass({ label, spec }, detail),
    refuse: refused,
    breach<T>(label: string, error: XaaError): XaaResult<T> | null {
      return record.skipped({ label, spec: error.spec }, error) ? null : refused(label, error)
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
      if (failed === 0) checkRecorder(log).refuse({ label }, error, error.description)
    },
  }
}
