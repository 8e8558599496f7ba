// Region "Resource request": the agent's call to the resource server with DPoP and Authorization, and its answer.
import { httpStepsTo, type Run } from '../../core/playground/index.ts'
import { HttpRequestView, HttpResponseView } from '../components/HttpMessageView.tsx'
import { Code, Pane } from '../components/Pane.tsx'

export function ResourceRequestPane({ run }: { run: Run }) {
  const calls = httpStepsTo(run, 'resource-server')
  return (
    <Pane
      id="resource-request"
      title="Resource request"
      note={
        <>
          The API call with the delegated token in <Code>Authorization</Code> and a fresh <Code>DPoP</Code>{' '}
          proof (RFC 9449 §7); a refusal answers with <Code>WWW-Authenticate</Code>.
        </>
      }
    >
      {calls.length === 0 ? (
        <p className="text-sm text-slate-500">Not reached: no token was issued, so no API call was made.</p>
      ) : (
        <div className="space-y-3">
          {calls.map((step) => {
            const who = run.parties.find((party) => party.id === step.from)?.label ?? step.from
            return (
              <div key={step.index} className="space-y-2">
                {calls.length > 1 && (
                  <p className="text-xs font-medium text-slate-700 dark:text-slate-300">Sent by the {who}</p>
                )}
                <HttpRequestView request={step.http.request} label="Resource request" />
                <HttpResponseView response={step.http.response} label="Resource response" />
              </div>
            )
          })}
        </div>
      )}
    </Pane>
  )
}
