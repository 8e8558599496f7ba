// The outcome line for flows beyond delegation (identity chaining, transaction tokens): read from the steps alone.
import type { Run } from '../core/playground/run.ts'
import { receiverOf } from '../core/playground/run-views.ts'

const senderLabel = (run: Run, id: string) => run.parties.find((party) => party.id === id)?.label ?? id

/**
 * Which party refused which step, with the error and its reason id; or, when everything was accepted,
 * the last call made. Written from `Run.parties` and `Run.steps` only, so any registered flow reads right.
 */
export function flowOutcomeText(run: Run): { refused: boolean; text: string } {
  const { outcome } = run
  if (outcome.kind === 'not-sent')
    return { refused: true, text: `The request was not sent: ${outcome.reason}` }
  if (outcome.kind === 'refused') {
    const step = run.steps[outcome.step]
    const by = step ? (receiverOf(run, step)?.label ?? step.to) : 'a server'
    return {
      refused: true,
      text: `The ${by} refused ${step?.label ?? 'the request'}: ${outcome.error.code} (${outcome.error.reason}). ${outcome.error.description}`,
    }
  }
  const last = run.steps.at(-1)
  const answer = last?.kind === 'http' ? ` → ${last.http.response.status}` : ''
  return {
    refused: false,
    text: last
      ? `Every step was accepted, the last ${senderLabel(run, last.from)} → ${senderLabel(run, last.to)}: ${last.label}${answer}.`
      : 'Nothing ran.',
  }
}
