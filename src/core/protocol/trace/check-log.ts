// The list of validations a server made, in order, each passed or failed with its RFC section.
import type { Reason } from '../errors/reasons.ts'

/** Who made a check; `authorization-server` is an AS other than the IdP (the cross-app resource AS). */
export type CheckActor = 'idp' | 'authorization-server' | 'resource-server' | 'client'

export interface Check {
  by: CheckActor
  /** What was checked, as a sentence: "subject_token signature verifies against the IdP's key". */
  label: string
  /** Where the rule is written, for example "RFC 9449 §4.3 (5)". */
  spec: string
  ok: boolean
  /** Why it failed, or what value satisfied it. */
  detail?: string
  /** On a failed check, the stable reason id of the refusal it caused. */
  reason?: Reason
  /**
   * Set when the server had this defence switched off (see `defence-switch.ts`): the check would have
   * refused, and a vulnerable server went on. `ok` is true, because the server accepted.
   */
  skipped?: true
}

/** Collects checks as a handler makes them. Handlers get one injected; the sandbox can pass a no-op. */
export interface CheckLog {
  record(check: Omit<Check, 'by'>): void
  /**
   * The defences switched off on the server that records here, by the reason each would refuse with.
   * Absent, as everywhere outside the playground's page (the sandbox never sets it), means all on.
   */
  readonly defencesOff?: ReadonlySet<Reason>
}

export function createCheckLog(by: CheckActor, into: Check[] = []): CheckLog & { checks: Check[] } {
  return {
    checks: into,
    record(check) {
      into.push({ by, ...check })
    },
  }
}

export const NO_CHECK_LOG: CheckLog = { record() {} }
