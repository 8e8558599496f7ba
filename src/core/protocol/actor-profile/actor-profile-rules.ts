// The OAuth Actor Profile's rules for `act`, checked one by one so a page can list each.
import type { Reason } from '../errors/reasons.ts'
import { refusal, type SpecRef } from '../errors/reasoned-error.ts'
import type { OAuthError } from '../errors/oauth-error.ts'

/** The draft these rules come from. */
export const ACTOR_PROFILE_DRAFT = 'draft-mcguinness-oauth-actor-profile-00'

/** What an actor can be, from the OAuth Entity Profiles vocabulary the profile uses. @see §3.4 */
export const SUB_PROFILES = ['ai_agent', 'service', 'user'] as const

export type ActorProfileRule = 'act_iss' | 'sub_profile' | 'chain_depth' | 'may_act_not_copied' | 'cnf_binds'

export interface ActorProfileCheck {
  rule: ActorProfileRule
  ok: boolean
  /** Stable id of the refusal this rule gives when it fails. */
  reason: Reason
  spec: SpecRef
  /** The rule as a sentence. */
  label: string
  /** What was found: the value that satisfied the rule or the one that broke it. */
  detail: string
}

const spec = (section: string): SpecRef => ({ doc: ACTOR_PROFILE_DRAFT, section })

/** Each rule's label, reason id and section, in the order they are checked. */
export const ACTOR_PROFILE_RULES: Readonly<
  Record<ActorProfileRule, { label: string; reason: Reason; spec: SpecRef }>
> = {
  act_iss: {
    label: 'every act carries iss',
    reason: 'actor_profile.act_missing_iss',
    spec: spec('3.4'),
  },
  sub_profile: {
    label: 'every act says what the actor is (sub_profile: ai_agent, service or user)',
    reason: 'actor_profile.sub_profile_invalid',
    spec: spec('3.4'),
  },
  chain_depth: {
    label: 'the act chain is no deeper than policy allows (refused, never truncated)',
    reason: 'actor_profile.chain_too_deep',
    spec: spec('3.5'),
  },
  may_act_not_copied: {
    label: 'may_act is not copied into the issued token',
    reason: 'actor_profile.may_act_copied',
    spec: spec('6.4'),
  },
  cnf_binds: {
    label: 'only the top-level cnf binds the presenter',
    reason: 'actor_profile.foreign_binding',
    spec: spec('3.7.1'),
  },
}

/** The error a failed check gives. Every profile refusal is `invalid_request`, as §3.5 and §9 have it. */
export function actorProfileRefusal(check: ActorProfileCheck): OAuthError {
  return refusal({
    code: 'invalid_request',
    status: 400,
    reason: check.reason,
    spec: check.spec,
    description: `act does not follow the actor profile: ${check.label} (${check.detail})`,
  })
}
