// Records one HTTP step for a server that reports its decision or audit line by callback (the chaining and Txn-Token servers).
import type { AuditEvent } from '../../protocol/audit/audit-event.ts'
import { formatAuditLine } from '../../protocol/audit/format-audit-line.ts'
import type { Refusal } from '../../protocol/errors/refusal.ts'
import { sendAndSnapshot, type FetchHandler } from '../../protocol/http/http-snapshot.ts'
import type { Check, CheckActor, CheckLog } from '../../protocol/trace/check-log.ts'
import type { Decision as ServerDecision } from '../../protocol/trace/decision.ts'
import type { HttpStep, Step } from '../run.ts'

/** What one server said about one request: its error (if it refused), its checks, its audit line. */
export interface Heard {
  error: Refusal | null
  checks: Check[]
  audit: AuditEvent | null
}

/**
 * Listens to one server's callbacks (`onDecision`, `audit`) and hands over what it heard for each
 * request; the page mounts the very handlers the sandbox mounts, so this is how a step learns why.
 */
export function createTap(by: CheckActor) {
  let heard: Heard = { error: null, checks: [], audit: null }
  return {
    onDecision(decision: ServerDecision<unknown>): void {
      heard.checks.push(
        ...decision.checks.map((check) => ({
          by,
          label: check.label,
          spec: check.spec,
          ok: check.ok,
          ...(check.detail === undefined ? {} : { detail: check.detail }),
          ...(check.reason === undefined ? {} : { reason: check.reason }),
          ...(check.skipped ? { skipped: check.skipped } : {}),
        })),
      )
      if (!decision.ok) heard.error = decision.error
    },
    /** For a server that records its checks one by one (the internal services, the gateway). */
    log: {
      record(check) {
        heard.checks.push({ by, ...check })
      },
    } satisfies CheckLog as CheckLog,
    audit(event: AuditEvent, error: Refusal | null): void {
      heard.audit = event
      if (error) heard.error = error
    },
    take(): Heard {
      const taken = heard
      heard = { error: null, checks: [], audit: null }
      return taken
    },
  }
}
export type Tap = ReturnType<typeof createTap>

/** A handler that may call other parties while it serves (a gateway, a service that calls the next). */
export type ServedBy = (request: Request) => Promise<{ response: Response; heard: Heard }>

/** Mounts a fetch handler behind a tap, so each call returns the response and what the server said. */
export const tapped =
  (handler: FetchHandler, tap: Tap): ServedBy =>
  async (request) => {
    tap.take()
    const response = await handler(request)
    return { response, heard: tap.take() }
  }

export interface StepMeta {
  from: string
  to: string
  /** Overrides "METHOD /path". */
  label?: string
  /** What this hop transcribed, for people (a `sub` that changed form, the `act` that survived). */
  note?: string
}

/**
 * Sends one request and records it as a step at the position the request was sent, so a call made
 * while serving another (gateway → service A → service B) comes after the call that caused it.
 * A refusal the server did not report by callback (a malformed request) is read from the error body.
 */
export async function servedStep(
  steps: Step[],
  meta: StepMeta,
  serve: ServedBy,
  request: Request,
): Promise<HttpStep> {
  const position = steps.length
  let heard: Heard | undefined
  const http = await sendAndSnapshot(async (received) => {
    const served = await serve(received)
    heard = served.heard
    return served.response
  }, request)
  if (!heard) throw new Error('the service was not called')
  const { error, checks, audit } = heard
  if (!error && http.response.status >= 400)
    throw new Error(`${meta.to} answered ${http.response.status} without saying why`)
  const step: HttpStep = {
    index: position,
    kind: 'http',
    from: meta.from,
    to: meta.to,
    label: meta.label ?? `${http.request.method} ${new URL(http.request.url).pathname}`,
    ...(meta.note ? { note: meta.note } : {}),
    http,
    decision: error ? { accepted: false, error } : { accepted: true },
    checks,
    audit: audit ? [{ by: meta.to, event: audit, line: formatAuditLine(audit) }] : [],
    // A server that skipped a check (its defence switched off) decided as a vulnerable server would.
    ...(checks.some((check) => check.skipped) ? { vulnerable: true } : {}),
  }
  steps.splice(position, 0, step)
  steps.forEach((each, index) => (each.index = index))
  return step
}
