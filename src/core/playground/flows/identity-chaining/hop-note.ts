// What one domain transcribed at a hop: how `sub` changed form, and whether `act` came through whole.
import { actorChain } from '../../../protocol/audit/actor-chain.ts'

type Claims = Record<string, unknown> | null

/**
 * A sentence for the step: "sub u_marwan → marwan@…; act spiffe://… kept". `sub` may change form
 * across domains (§2.3.2 claims transcription); `act` must come through unchanged (§2.5).
 * @see draft-ietf-oauth-identity-chaining-16 §2.3.2, §2.5
 */
export function hopNote(before: Claims, after: Claims): string {
  const sub = (claims: Claims) => String(claims?.sub ?? '(none)')
  const chain = (claims: Claims) => (claims ? actorChain(claims) : [])
  const was = chain(before)
  const is = chain(after)
  const subText = sub(before) === sub(after) ? `sub ${sub(after)} kept` : `sub ${sub(before)} → ${sub(after)}`
  const actText =
    is.length === 0
      ? 'no act'
      : `act ${is.join(' ← ')} ${was.join(' ') === is.join(' ') ? 'kept' : 'changed'}`
  return `${subText}; ${actText}`
}
