// The list of validations a server made, in order, each passed or failed with its RFC section.

export type CheckActor = 'idp' | 'resource-server' | 'client'

export interface Check {
  by: CheckActor
  /** What was checked, as a sentence: "subject_token signature verifies against the IdP's key". */
  label: string
  /** Where the rule is written, for example "RFC 9449 §4.3 (5)". */
  spec: string
  ok: boolean
  /** Why it failed, or what value satisfied it. */
  detail?: string
}

/** Collects checks as a handler makes them. Handlers get one injected; the sandbox can pass a no-op. */
export interface CheckLog {
  record(check: Omit<Check, 'by'>): void
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
