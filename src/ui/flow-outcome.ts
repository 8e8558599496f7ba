// How a run of any flow but delegation ended, in one line read from its steps: who refused and why, or the last answer.
import type { Run, Step } from '../core/playground/index.ts'
import { refusalName } from '../core/protocol/index.ts'

const labelOf = (run: Run, id: string) => run.parties.find((party) => party.id === id)?.label ?? id

export function flowOutcome(run: Run, stoppedAt: Step | undefined): { tone: 'ok' | 'refused'; text: string } {
  const { outcome } = run
  if (outcome.kind === 'refused' && stoppedAt)
    return {
      tone: 'refused',
      text: `The ${labelOf(run, stoppedAt.to)} refused ${stoppedAt.label}: ${refusalName(outcome.error)} (${outcome.error.reason}). ${outcome.error.description}`,
    }
  const last = run.steps.at(-1)
  const answer = last?.kind === 'http' ? ` → ${last.http.response.status}` : ''
  return {
    tone: 'ok',
    text: last
      ? `Every step was accepted; last, ${labelOf(run, last.from)} → ${labelOf(run, last.to)}: ${last.label}${answer}.`
      : 'Nothing ran.',
  }
}
