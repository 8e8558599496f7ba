// Move the clock forward (or back) to watch tokens expire, with quick steps.
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { BUTTON } from '../components/buttons.ts'
import { shortDuration } from '../format/time.ts'
import { ControlGroup } from './fields.tsx'
import { NumberField } from './NumberField.tsx'

const STEPS: [label: string, seconds: number][] = [
  ['+10 min', 600],
  ['+1 h', 3600],
]

export function ClockControls({ api }: { api: ScenarioApi }) {
  const { scenario, setClockOffset } = api
  const offset = scenario.clockOffset
  return (
    <ControlGroup legend="Clock">
      <NumberField
        label="Clock offset"
        value={offset}
        unit="s"
        onChange={(seconds) => setClockOffset(seconds ?? 0)}
        hint={
          offset === 0
            ? 'The real time. Move it forward to watch the tokens expire.'
            : `Every party sees the time ${shortDuration(Math.abs(offset))} ${offset > 0 ? 'ahead' : 'behind'}.`
        }
      />
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Quick clock steps">
        {STEPS.map(([label, seconds]) => (
          <button
            key={label}
            type="button"
            className={BUTTON}
            aria-label={`Move clock ${label}`}
            onClick={() => setClockOffset(offset + seconds)}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className={BUTTON}
          aria-label="Reset clock"
          disabled={offset === 0}
          onClick={() => setClockOffset(0)}
        >
          Reset
        </button>
      </div>
    </ControlGroup>
  )
}
