// Every control for the scenario, with each exchange refusal shown next to the control it is about.
import { lazy, Suspense, type ReactNode } from 'react'
import { type Refusal, refusalName } from '../../core/protocol/index.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { BUTTON } from '../components/buttons.ts'
import { Notice } from '../components/Notice.tsx'
import { ClockControls } from './ClockControls.tsx'
import { controlForError, type ControlName } from './error-routing.ts'
import { FlowControl } from './FlowControl.tsx'
import { PolicyControls } from './PolicyControls.tsx'
import { RequestControls } from './RequestControls.tsx'
import { WhoControls } from './WhoControls.tsx'

// Only the cross-app flow shows these, so they load when it is chosen and stay out of first paint.
const CrossAppControls = lazy(() =>
  import('./CrossAppControls.tsx').then((module) => ({ default: module.CrossAppControls })),
)

interface ControlsPanelProps {
  api: ScenarioApi
  /** The refusal of the latest run, if any, routed to the control it concerns. */
  exchangeError: Refusal | null
  onReset: () => void
  /** How the IdP cut the requested lifetime in the latest run, if it did. */
  ttlNote?: string | null
  scenarioEditor: ReactNode
}

export function ControlsPanel({
  api,
  exchangeError,
  onReset,
  scenarioEditor,
  ttlNote = null,
}: ControlsPanelProps) {
  const paused = api.scenario.edits.rawTokenRequest !== null
  // The cross-app flow reads none of the delegation request's own controls: they are hidden, with why.
  const crossApp = api.scenario.flow === 'cross-app'
  const target = controlForError(exchangeError, { rawRequest: paused })
  const errorFor = (control: ControlName): ReactNode =>
    exchangeError && target === control ? (
      <>
        <code className="font-mono font-semibold">{refusalName(exchangeError)}</code>:{' '}
        {exchangeError.description}
      </>
    ) : null
  return (
    <form
      aria-label="Scenario"
      className="space-y-5"
      onSubmit={(event) => event.preventDefault()}
      autoComplete="off"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        {scenarioEditor}
        <button type="button" className={BUTTON} onClick={onReset}>
          Reset all
        </button>
      </div>
      {paused && (
        <Notice tone="warn">
          Overridden: the hand-edited raw request is in force, so the Who and Request controls don’t change
          what the IdP receives.{' '}
          <button
            type="button"
            className="font-medium underline"
            onClick={() => api.setEdits({ rawTokenRequest: null })}
          >
            Use the controls again
          </button>
        </Notice>
      )}
      <FlowControl api={api} />
      {api.scenario.flow === 'cross-app' && (
        <Suspense fallback={null}>
          <CrossAppControls api={api} />
        </Suspense>
      )}
      <WhoControls api={api} errorFor={errorFor} overridden={paused} crossApp={crossApp} />
      <RequestControls
        api={api}
        errorFor={errorFor}
        ttlNote={ttlNote}
        overridden={paused}
        crossApp={crossApp}
      />
      <ClockControls api={api} />
      <PolicyControls api={api} crossApp={crossApp} />
    </form>
  )
}
