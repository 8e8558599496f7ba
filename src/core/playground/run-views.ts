// Read-only views of a Run for the panes: the steps to one party, the errors, the decisive audit line.
import { withoutActor, type AuditEvent } from '../protocol/audit/audit-event.ts'
import { formatAuditLine } from '../protocol/audit/format-audit-line.ts'
import type { Refusal } from '../protocol/errors/refusal.ts'
import type { Check } from '../protocol/trace/check-log.ts'
import type { AuditEntry, HttpStep, Party, Run, Step } from './run.ts'

/** The HTTP steps whose receiver is a party of `kind`, in order (a nonce retry makes two). */
export function httpStepsTo(run: Run, kind: Party['kind']): HttpStep[] {
  const ids = new Set(run.parties.filter((party) => party.kind === kind).map((party) => party.id))
  return run.steps.filter((step): step is HttpStep => step.kind === 'http' && ids.has(step.to))
}

/** The party a step was sent to. */
export const receiverOf = (run: Run, step: Step): Party | undefined =>
  run.parties.find((party) => party.id === step.to)

/** The error a party of `kind` ended its part with: its last step's refusal, else none. */
export function refusalBy(run: Run, kind: Party['kind']): Refusal | null {
  const last = httpStepsTo(run, kind).at(-1)
  return last && !last.decision.accepted ? last.decision.error : null
}

/** Why the token request never reached the IdP, or null when it was sent. */
export const notSentError = (run: Run): Refusal | null =>
  run.outcome.kind === 'not-sent' ? run.outcome.error : null

/** Every audit line the run wrote, in order. */
export const auditTrail = (run: Run): AuditEntry[] => run.steps.flatMap((step) => step.audit)

/** Every check any server made, in order. */
export const runChecks = (run: Run): Check[] => run.steps.flatMap((step) => step.checks)

export interface DecisiveAudit extends AuditEntry {
  /** The same entry as a log without `act` would have written it. */
  lineWithoutAct: string
}

/** The last audit entry: the resource server's when the call reached it, else the IdP's. */
export function decisiveAudit(run: Run): DecisiveAudit | null {
  const last = auditTrail(run).at(-1)
  if (!last) return null
  const event: AuditEvent = last.event
  return { ...last, lineWithoutAct: formatAuditLine(withoutActor(event)) }
}
