// Builds a flow's steps in order: each HTTP step holds its exchange, the server's decision, its checks and its audit line.
import type { AuditEvent } from '../../protocol/audit/audit-event.ts'
import { formatAuditLine } from '../../protocol/audit/format-audit-line.ts'
import type { Refusal } from '../../protocol/errors/refusal.ts'
import { sendAndSnapshot } from '../../protocol/http/http-snapshot.ts'
import { createCheckLog, type Check, type CheckActor, type CheckLog } from '../../protocol/trace/check-log.ts'
import type { Decision, HttpStep, LocalStep, Step } from '../run.ts'

/**
 * A server that hands back what it decided and logged along with its response (the token service,
 * the resource service): the request/process split, so nothing has to be caught through a callback.
 */
export type Service = (request: Request) => Promise<{
  response: Response
  decision: { accepted: true } | { accepted: false; error: Refusal }
  /** The audit event the server wrote, if it keeps an audit log (the ID-JAG servers do not). */
  audit?: AuditEvent
}>

export interface StepRecorder {
  readonly steps: Step[]
  /** The check log a server records into; each step takes the checks made while it was served. */
  checkLog(by: CheckActor): CheckLog
  /** Sends one request from one party to another's service, and records the exchange as a step. */
  http(from: string, to: string, serve: Service, request: Request): Promise<HttpStep>
  /** Records something a party did on its own. */
  local(from: string, to: string, label: string, produced?: string): LocalStep
}

export function createStepRecorder(): StepRecorder {
  const steps: Step[] = []
  const checks: Check[] = []
  return {
    steps,
    checkLog: (by) => createCheckLog(by, checks),
    async http(from, to, serve, request) {
      const checksBefore = checks.length
      let served: Awaited<ReturnType<Service>> | undefined
      const http = await sendAndSnapshot(async (received) => {
        served = await serve(received)
        return served.response
      }, request)
      // sendAndSnapshot always calls the handler once; a missing result would be a bug.
      if (!served) throw new Error('the service was not called')
      const decision: Decision = served.decision.accepted
        ? { accepted: true }
        : { accepted: false, error: served.decision.error }
      const stepChecks = checks.slice(checksBefore)
      // A server that skipped a check (its defence switched off) decided as a vulnerable server would.
      const vulnerable = stepChecks.some((check) => check.skipped)
      const step: HttpStep = {
        index: steps.length,
        kind: 'http',
        from,
        to,
        label: `${http.request.method} ${new URL(http.request.url).pathname}`,
        http,
        decision,
        checks: stepChecks,
        audit: served.audit ? [{ by: to, event: served.audit, line: formatAuditLine(served.audit) }] : [],
        ...(vulnerable ? { vulnerable } : {}),
      }
      steps.push(step)
      return step
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
