// Checks a token's claims against each actor-profile rule and reports every rule, passed or not.
import { isObject } from '../json/is-object.ts'
import {
  ACTOR_PROFILE_RULES,
  SUB_PROFILES,
  type ActorProfileCheck,
  type ActorProfileRule,
} from './actor-profile-rules.ts'

export interface ActorProfilePolicy {
  /** The deepest `act` chain accepted; deeper chains are refused (§3.5). */
  maxDepth: number
}

// Members that name a key or certificate: only `cnf` at the top level may carry them (§3.7.1).
const BINDING_MEMBERS = ['cnf', 'jkt', 'dpop_jkt', 'x5t#S256']

/** The `act` objects, outermost first; stops at `limit + 1` so a hostile chain can't run long. */
function actObjects(claims: Record<string, unknown>, limit: number): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  for (let act = claims.act; isObject(act) && chain.length <= limit; act = act.act) chain.push(act)
  return chain
}

const check = (rule: ActorProfileRule, ok: boolean, detail: string): ActorProfileCheck => ({
  rule,
  ok,
  detail,
  ...ACTOR_PROFILE_RULES[rule],
})

/**
 * One check per actor-profile rule: `iss` in every `act`; a known `sub_profile` in every `act`; the
 * chain no deeper than `maxDepth`; no `may_act` in the token; no binding member anywhere but the
 * top-level `cnf`. A token with no `act` passes the per-actor rules (it does not represent delegation).
 * @see draft-mcguinness-oauth-actor-profile-00 §3.4, §3.5, §3.7.1, §6.4
 */
export function checkActorProfile(
  claims: Record<string, unknown>,
  policy: ActorProfilePolicy,
): ActorProfileCheck[] {
  const chain = actObjects(claims, policy.maxDepth)
  const position = (index: number) => (index === 0 ? 'outermost act' : `act at depth ${index + 1}`)

  const noIss = chain.findIndex((act) => typeof act.iss !== 'string' || act.iss === '')
  const badProfile = chain.findIndex(
    (act) =>
      typeof act.sub_profile !== 'string' ||
      !act.sub_profile.split(' ').every((value) => (SUB_PROFILES as readonly string[]).includes(value)),
  )
  const bindingInAct = chain.findIndex((act) => BINDING_MEMBERS.some((name) => name in act))
  const bindingOnTop = BINDING_MEMBERS.filter((name) => name !== 'cnf' && name in claims)

  return [
    check(
      'act_iss',
      noIss < 0,
      noIss < 0 ? `${chain.length} act, each with iss` : `${position(noIss)} has no iss`,
    ),
    check(
      'sub_profile',
      badProfile < 0,
      badProfile < 0
        ? chain.map((act) => String(act.sub_profile)).join(' → ') || 'no act'
        : `${position(badProfile)} has sub_profile ${JSON.stringify(chain[badProfile]!.sub_profile ?? null)}`,
    ),
    check(
      'chain_depth',
      chain.length <= policy.maxDepth,
      chain.length <= policy.maxDepth
        ? `depth ${chain.length} of at most ${policy.maxDepth}`
        : `depth over ${policy.maxDepth}`,
    ),
    check(
      'may_act_not_copied',
      !('may_act' in claims),
      'may_act' in claims ? 'the token carries may_act' : 'no may_act',
    ),
    check(
      'cnf_binds',
      bindingInAct < 0 && bindingOnTop.length === 0,
      bindingInAct >= 0
        ? `${position(bindingInAct)} carries a key binding`
        : bindingOnTop.length > 0
          ? `top-level ${bindingOnTop.join(', ')} outside cnf`
          : isObject(claims.cnf)
            ? 'bound by cnf'
            : 'no binding (bearer)',
    ),
  ]
}

/** The first failed check, or null when the claims follow the profile. */
export const firstProfileFailure = (checks: ActorProfileCheck[]): ActorProfileCheck | null =>
  checks.find((c) => !c.ok) ?? null
