// Every HTTP step of a Run as its server received it and answered: the request pane of any flow but delegation.
import { receiverOf, type Run } from '../../core/playground/index.ts'
import { HttpRequestView, HttpResponseView } from '../components/HttpMessageView.tsx'
import { Pane } from '../components/Pane.tsx'
import { Refusal } from './ResponsePane.tsx'

const nameOf = (run: Run, id: string) => run.parties.find((party) => party.id === id)?.label ?? id

export function FlowStepsPane({ run }: { run: Run }) {
  return (
    <Pane
      id="request"
      title="Requests"
      note="Each step in order: every request as its server received it, and its answer."
    >
      <ol className="space-y-5">
        {run.steps.map((step) => {
          const parties = `${nameOf(run, step.from)} → ${nameOf(run, step.to)}: ${step.label}`
          if (step.kind === 'local')
            return (
              <li key={step.index} aria-label={parties}>
                <h3 className="text-[0.8rem] font-semibold">{parties}</h3>
              </li>
            )
          const title = `${parties} → ${step.http.response.status}`
          return (
            <li key={step.index} aria-label={title} className="space-y-2">
              <h3 className="text-[0.8rem] font-semibold">{title}</h3>
              {!step.decision.accepted && (
                <>
                  <Refusal
                    error={step.decision.error}
                    by={`The ${receiverOf(run, step)?.label ?? step.to}`}
                  />
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    Reason: <code className="font-mono">{step.decision.error.reason}</code>
                  </p>
                </>
              )}
              <HttpRequestView
                request={step.http.request}
                label={`${step.label} to ${nameOf(run, step.to)}`}
              />
              <HttpResponseView
                response={step.http.response}
                label={`Answer of ${nameOf(run, step.to)} to ${step.label}`}
              />
            </li>
          )
        })}
      </ol>
    </Pane>
  )
}
