// The rules both hops of a chain apply: scope only narrows, act is carried as it is, the actor profile holds.
import { actorProfileRefusal } from '../actor-profile/actor-profile-rules.ts'
import {
  checkActorProfile,
  firstProfileFailure,
  type ActorProfilePolicy,
} from '../actor-profile/check-actor-profile.ts'
import { refusal, specText } from '../errors/reasoned-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff, withDefencesOff, type DefencesOff } from '../trace/defence-switch.ts'
import type { Decision, decisionRecorder } from '../trace/decision.ts'
import { IDENTITY_CHAINING_DRAFT as DRAFT } from './chaining-spec.ts'
import { compareActChains, describeSplice } from './compare-act-chains.ts'

type Recorder = ReturnType<typeof decisionRecorder>

const SECTION_2_5 = { doc: DRAFT, section: '2.5' }

/**
 * A check log over a hop's decision, carrying the defences switched off (the playground only), so a
 * skipped check lands among the decision's own checks, in order.
 */
export const hopLog = (r: Recorder, off: DefencesOff | undefined): CheckLog =>
  withDefencesOff({ record: (check) => r.checks.push(check) }, off)

/**
 * The scope a hop grants: what was asked for, or else everything held that the next party offers; a
 * scope neither held nor offered is refused, since a hop can only narrow (§2.5). A server with the
 * `chain.scope_widened` defence off grants what was asked for.
 * @see draft-ietf-oauth-identity-chaining-16 §2.5
 */
export function narrowAtHop(
  r: Recorder,
  log: CheckLog,
  input: { requested: string[] | null; held: string[]; offered: string[]; label: string; from: string },
): { ok: true; scope: string[] } | { ok: false; decision: Decision<never> } {
  const { requested, held, offered, label } = input
  const scope = requested ?? held.filter((s) => offered.includes(s))
  const widened = scope.filter((s) => !held.includes(s) || !offered.includes(s))
  const description =
    widened.length > 0 ? `"scope" ${widened.join(' ')} is not ${input.from}` : 'no scope left to grant'
  const check = { label, spec: specText(SECTION_2_5) }
  if (scope.length > 0 && widened.length === 0) r.pass(label, SECTION_2_5, scope.join(' '))
  else if (scope.length === 0 || !skipIfDefenceOff(log, 'chain.scope_widened', check, description))
    return {
      ok: false,
      decision: r.refuse(
        label,
        refusal({
          code: 'invalid_scope',
          status: 400,
          reason: 'chain.scope_widened',
          spec: SECTION_2_5,
          description,
          param: 'scope',
        }),
      ),
    }
  return { ok: true, scope }
}

/**
 * Refuses a hop whose `act` is not the one it received, actor for actor (an actor added or dropped);
 * null when the chain survived, or when the `chain.act_spliced` defence is off.
 * @see draft-ietf-oauth-identity-chaining-16 §2.5
 */
export function keepActChain(
  r: Recorder,
  log: CheckLog,
  before: unknown,
  after: unknown,
  code: 'invalid_request' | 'invalid_grant',
): Decision<never> | null {
  const label = 'act survives the hop unchanged'
  const continuity = compareActChains(before, after)
  if (continuity.same) {
    r.pass(label, SECTION_2_5)
    return null
  }
  const description = `act chain changed between hops: ${describeSplice(continuity)}`
  if (skipIfDefenceOff(log, 'chain.act_spliced', { label, spec: specText(SECTION_2_5) }, description))
    return null
  return r.refuse(
    label,
    refusal({ code, status: 400, reason: 'chain.act_spliced', spec: SECTION_2_5, description }),
  )
}

/**
 * Checks the claims a hop issues against the actor profile, when one applies; null when they follow it.
 * @see draft-mcguinness-oauth-actor-profile-00 §4
 */
export function checkHopProfile(
  r: Recorder,
  claims: Record<string, unknown>,
  policy: ActorProfilePolicy | null,
  section: string,
): Decision<never> | null {
  if (policy === null) return null
  const failed = firstProfileFailure(checkActorProfile(claims, policy))
  if (failed) return r.refuse(failed.label, actorProfileRefusal(failed))
  r.pass('act follows the actor profile', { doc: 'draft-mcguinness-oauth-actor-profile-00', section })
  return null
}
