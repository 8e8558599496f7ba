// The audit trail: the decisive line, the same line as a log without `act` writes it, and any refusal.
import {
  auditTrail,
  decisiveAudit,
  explainAuditTrail,
  httpStepsTo,
  refusalBy,
  type Run,
} from '../../core/playground/index.ts'
import { withoutActor } from '../../core/protocol/index.ts'
import { Badge } from '../components/Badge.tsx'
import { CopyButton } from '../components/CopyButton.tsx'
import { Code, Pane } from '../components/Pane.tsx'
import { headerValue } from '../format/http-text.ts'
import { AuditLine } from './AuditLine.tsx'
import { keysLostWithoutAct } from '../format/audit-fields.ts'
import { Refusal } from './ResponsePane.tsx'
import { VulnerableMark } from '../gallery/VulnerableMark.tsx'
import { acceptedByVulnerableServer, writtenByVulnerableServer } from '../gallery/vulnerable-run.ts'

export function AuditPane({ run }: { run: Run }) {
  const audit = decisiveAudit(run)
  const trail = auditTrail(run)
  const resource = httpStepsTo(run, 'resource-server').at(-1)?.http ?? null
  const resourceError = refusalBy(run, 'resource-server')
  const labelOf = (by: string) => run.parties.find((party) => party.id === by)?.label ?? by
  const lost = audit ? keysLostWithoutAct(audit.event) : new Set<string>()
  const explanation = explainAuditTrail(run)
  const challenge = resource ? headerValue(resource.response.headers, 'www-authenticate') : null
  return (
    <Pane
      id="audit"
      title="Audit log"
      note={
        <>
          With <Code>act</Code>, the log says the agent acted for the user. Without it (second line), the same
          call reads as the user’s own.
        </>
      }
      actions={
        audit && <CopyButton what="audit lines" text={() => `${audit.line}\n${audit.lineWithoutAct}`} />
      }
    >
      {audit ? (
        <div className="space-y-3">
          <div>
            <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-700 dark:text-slate-300">
                Written by the {labelOf(audit.by)}
              </span>
              <Badge tone={audit.event.decision === 'allow' ? 'green' : 'red'}>{audit.event.decision}</Badge>
              {/* A line allowed only because some server in the run had a defence off is marked too:
                  the API's "allow" rests on a token only a vulnerable IdP would have issued. */}
              {(writtenByVulnerableServer(run, audit.line) || acceptedByVulnerableServer(run)) && (
                <VulnerableMark run={run} />
              )}
            </p>
            <AuditLine label="Audit line" line={audit.line} event={audit.event} highlight={lost} />
          </div>
          <div>
            <p className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">
              Same entry, in a log without act
            </p>
            <AuditLine
              label="Audit line without act"
              line={audit.lineWithoutAct}
              event={withoutActor(audit.event)}
              highlight={new Set()}
            />
            <p className="mt-1.5 text-xs/5 text-slate-600 dark:text-slate-400">
              {explanation?.kind === 'agent-recorded' && lost.size > 0 ? (
                <>
                  Lost without <Code>act</Code>:{' '}
                  {[...lost].map((key) => (
                    <span
                      key={key}
                      className="mr-1 rounded-sm bg-amber-100 px-1 font-mono text-amber-900 line-through decoration-amber-500 dark:bg-amber-400/15 dark:text-amber-200"
                    >
                      {key}
                    </span>
                  ))}
                  — nothing else records that an agent was involved.
                </>
              ) : (
                explanation?.text
              )}
            </p>
          </div>
          {resourceError && <Refusal error={resourceError} by="The resource server" />}
          {challenge && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-700 dark:text-slate-300">Challenge sent back</span>
              <code
                role="group"
                aria-label="WWW-Authenticate challenge"
                className="mt-1 block rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs/5 break-words text-red-800 dark:bg-slate-950/60 dark:text-red-300"
              >
                WWW-Authenticate: {challenge}
              </code>
            </p>
          )}
          {trail.length > 1 && (
            <details className="text-xs">
              <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
                Every entry this run wrote ({trail.length})
              </summary>
              <ol className="mt-2 space-y-1">
                {trail.map((entry, i) => (
                  <li key={i} className="font-mono break-words text-slate-700 dark:text-slate-300">
                    <span className="text-slate-400">{labelOf(entry.by)}:</span>{' '}
                    {writtenByVulnerableServer(run, entry.line) && <VulnerableMark run={run} />} {entry.line}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-500">Nothing was logged: no request reached a server.</p>
      )}
    </Pane>
  )
}
