// Builds a flow's steps in order: each HTTP step gets the checks and audit lines its server made for it.
import type { AuditEvent } from '../../protocol/audit/audit-event.ts'
import { formatAuditLine } from '../../protocol/audit/format-audit-line.ts'
import type { OAuthError } from '../../protocol/errors/oauth-error.ts'
import { sendAndSnapshot, type FetchHandler } from '../../protocol/http/http-snapshot.ts'
import { createCheckLog, type Check, type CheckActor, type CheckLog } from '../../protocol/trace/check-log.ts'
import type { AuditEntry, HttpStep, LocalStep, Step } from '../run.ts'

/** A server that hands back what it decided and logged along with its response. */
export type Service = (request: Request) => Promise<{
  response: Response
  decision: { accepted: true } | { accepted: false; error: OAuthError }
  audit: AuditEvent
}>

interface Written {
  by: string
  event: AuditEvent
  error: OAuthError | null
}

export interface StepRecorder {
  readonly steps: Step[]
  /** The check log a server records into; each step takes the checks made while it ran. */
  checkLog(by: CheckActor): CheckLog
  /** Where a server's decisions go; each step takes the audit lines written while it ran. */
  auditSink(by: string): (event: AuditEvent, error: OAuthError | null) => void
  /** Sends one request to a handler and records the exchange as a step. */
  http(from: string, to: string, handler: FetchHandler, request: Request): Promise<HttpStep>
  /**
   * Sends one request to a service that returns its decision and audit event with the response, and
   * records the step from them.
   */
  served(from: string, to: string, serve: Service, request: Request): Promise<HttpStep>
  /** Records something a party did on its own. */
  local(from: string, to: string, label: string, produced?: string): LocalStep
}

export function createStepRecorder(): StepRecorder {
  const steps: Step[] = []
  const checks: Check[] = []
  const written: Written[] = []
  return {
    steps,
    checkLog: (by) => createCheckLog(by, checks),
    auditSink: (by) => (event, error) => void written.push({ by, event, error }),
    async http(from, to, handler, request) {
      const [checksBefore, writtenBefore] = [checks.length, written.length]
      const http = await sendAndSnapshot(handler, request)
      const mine = written.slice(writtenBefore)
      const error = mine.findLast((entry) => entry.error !== null)?.error ?? null
      const step: HttpStep = {
        index: steps.length,
        kind: 'http',
        from,
        to,
        label: `${http.request.method} ${new URL(http.request.url).pathname}`,
        http,
        decision: error ? { accepted: false, error } : { accepted: true },
        checks: checks.slice(checksBefore),
        audit: mine.map(({ by, event }): AuditEntry => ({ by, event, line: formatAuditLine(event) })),
      }
      steps.push(step)
      return step
    },
    async served(from, to, serve, request) {
      let decision: Awaited<ReturnType<Service>>['decision'] = { accepted: true }
      const handler: FetchHandler = async (received) => {
        const result = await serve(received)
        decision = result.decision
        written.push({
          by: to,
          event: result.audit,
          error: result.decision.accepted ? null : result.decision.error,
        })
        return result.response
      }
      return this.http(from, to, handler, request).then((step) => {
        step.decision = decision.accepted ? { accepted: true } : { accepted: false, error: decision.error }
        return step
      })
    },
    local(from, to, label, produced) {
      const step: LocalStep = {
        index: steps.length,
        kind: 'local',
        from,
        to,
        label,
        decision: { accepted: true },
        checks: [],
        audit: [],
        ...(produced ? { produced } : {}),
      }
      steps.push(step)
      return step
    },
  }
}
