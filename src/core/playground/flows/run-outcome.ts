// How a run ended, read from its steps: the last step decides, since a flow stops at a refusal it cannot recover from.
import type { OAuthError } from '../../protocol/errors/oauth-error.ts'
import type { Outcome, Step } from '../run.ts'

/**
 * A refusal the flow recovered from (a DPoP nonce challenge answered by a retry) is followed by
 * more steps, so only the last step's decision is the outcome. Nothing sent is `not-sent`.
 */
export function runOutcome(steps: readonly Step[], notSent: OAuthError | undefined): Outcome {
  if (notSent) return { kind: 'not-sent', reason: notSent.description, error: notSent }
  const last = steps.at(-1)
  if (last && !last.decision.accepted)
    return { kind: 'refused', step: last.index, error: last.decision.error }
  return { kind: 'accepted' }
}
