// Switching one defence off: a check that would refuse is recorded as skipped, and the server goes on.
import type { Reason } from '../errors/reasons.ts'
import type { Check, CheckLog } from './check-log.ts'

/** The defences a server runs without, by the stable reason id each would refuse with. */
export type DefencesOff = ReadonlySet<Reason>

/** Every defence on: what every server runs with unless a playground run says otherwise. */
export const ALL_DEFENCES_ON: DefencesOff = new Set()

/**
 * A log that carries the defences switched off for the server recording into it. Servers get their
 * set only from code (a flow's context), never from a request, configuration or the environment.
 */
export function withDefencesOff(log: CheckLog, off: DefencesOff | undefined): CheckLog {
  if (!off || off.size === 0) return log
  return { record: (check) => log.record(check), defencesOff: off }
}

/** True when the check that refuses with `reason` is switched off on this server. */
export const isDefenceOff = (log: CheckLog, reason: Reason): boolean => log.defencesOff?.has(reason) === true

/**
 * When the defence behind `reason` is off, records the check as skipped, with what it would have
 * refused, and returns true: the caller goes on as a vulnerable server would. Otherwise returns false
 * and records nothing, so the caller refuses as usual.
 */
export function skipIfDefenceOff(
  log: CheckLog,
  reason: Reason,
  check: { label: string; spec: string },
  wouldRefuse: string,
): boolean {
  if (!isDefenceOff(log, reason)) return false
  log.record(skippedCheck(check, { reason, description: wouldRefuse }))
  return true
}

/** The record of a check a vulnerable server skipped, saying what it would have refused. */
export function skippedCheck(
  check: { label: string; spec: string },
  refusal: { reason?: Reason; rule?: string; description: string },
): Omit<Check, 'by'> {
  const why = refusal.reason ?? refusal.rule ?? 'a refusal'
  return {
    label: check.label,
    spec: check.spec,
    ok: true,
    skipped: true,
    detail: `skipped (defence off): would have refused (${why}): ${refusal.description}`,
  }
}
