// Which audit fields a log without `act` loses, for highlighting.
import { type AuditEvent, formatAuditFields, withoutActor } from '../../core/protocol/index.ts'

/** Keys present in the full event but gone once `act` is dropped: acting_as, via, attestation. */
export function keysLostWithoutAct(event: AuditEvent): Set<string> {
  const kept = new Set(formatAuditFields(withoutActor(event)).map(([key]) => key))
  return new Set(
    formatAuditFields(event)
      .map(([key]) => key)
      .filter((key) => !kept.has(key)),
  )
}
