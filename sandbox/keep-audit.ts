// Mounts a service that returns its audit event with its response, and keeps the event: nothing calls back.
import type { AuditEvent } from '../src/core/protocol/audit/audit-event.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'

/** Serves a request, hands the decision's audit event to `record`, and answers with the response. */
export const keepAudit =
  (
    record: (event: AuditEvent) => void,
    serve: (request: Request) => Promise<{ response: Response; audit: AuditEvent }>,
  ): FetchHandler =>
  async (request) => {
    const served = await serve(request)
    record(served.audit)
    return served.response
  }
