// Which audit fields a log without `act` loses, for highlighting.
import { withoutActor, type AuditEvent } from '../../core/protocol/audit/audit-event.ts'
import { formatAuditFields } from '../../core/protocol/audit/format-audit-line.ts'

/** Keys present in the full event but gone once `act` is dropped: acting_as, via, attestation. */
export function keysLostWithoutAct(event: AuditEvent): Set<string> {
  const kept = new Set(formatAuditFields(withoutActor(event)).map(([key]) => key))
  return new Set(
    formatAuditFields(event)
      .map(([key]) => key)
      .filter((key) => !kept.has(key)),
  )
}
