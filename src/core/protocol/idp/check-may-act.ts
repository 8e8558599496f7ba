// `may_act`: the subject token's own statement of who may act for its subject.
import { ok, fail, oauthError, type Result } from '../errors/oauth-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'

/**
 * When the subject token carries `may_act`, the party becoming the actor must match it.
 * @see RFC 8693 §4.4, §2.2.2
 */
export function checkMayAct(
  mayAct: unknown,
  actor: { sub: string; iss: string | null },
  log: CheckLog,
): Result<true> {
  if (mayAct === undefined) return ok(true)
  const allowed = typeof mayAct === 'object' && mayAct !== null ? (mayAct as Record<string, unknown>) : {}
  const subMatches = allowed.sub === actor.sub
  const issMatches = allowed.iss === undefined || allowed.iss === actor.iss
  const named =
    allowed.iss === undefined
      ? `may_act.sub ${String(allowed.sub)}`
      : `may_act.sub ${String(allowed.sub)}, may_act.iss ${String(allowed.iss)}`
  const check = { label: 'subject_token may_act names this actor', spec: 'RFC 8693 §4.4' }
  const record = checkRecorder(log)
  if (subMatches && issMatches) {
    record.pass(check, named)
    return ok(true)
  }
  // With the right sub but another issuer, the same name was given by a different authority: say so.
  const mismatch = subMatches
    ? oauthError(
        'exchange.may_act_mismatch',
        `may_act in subject_token does not name ${actor.sub} of ${String(actor.iss)}`,
        {
          explanation: `The user's token allows ${String(allowed.sub)} as issued by ${String(allowed.iss)} only; this actor token was issued by ${String(actor.iss)}.`,
        },
      )
    : oauthError('exchange.may_act_mismatch', `may_act in subject_token does not name ${actor.sub}`, {
        explanation: `The user's token says only ${String(allowed.sub)} may act for them; ${actor.sub} is someone else.`,
      })
  if (record.skipped(check, mismatch, `${named}, not ${actor.sub}`)) return ok(true)
  return fail(record.refuse(check, mismatch, named))
}
