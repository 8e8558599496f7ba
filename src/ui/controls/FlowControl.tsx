// The "Flow" control: which flow runs the scenario, listed from the flows' names (flows/flow-labels.ts).
import { FLOW_IDS, FLOW_LABELS, type FlowId } from '../../core/playground/index.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { Field, INPUT } from './fields.tsx'

export function FlowControl({ api }: { api: ScenarioApi }) {
  return (
    <Field label="Flow" hint="Which protocol the agent runs; every pane follows it.">
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          className={`${INPUT} font-sans`}
          value={api.scenario.flow}
          onChange={(event) => api.replace({ ...api.scenario, flow: event.target.value as FlowId })}
        >
          {FLOW_IDS.map((flow) => (
            <option key={flow} value={flow}>
              {FLOW_LABELS[flow]}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
