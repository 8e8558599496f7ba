// Which of the user's granted scopes the IdP's policy would refuse at the requested audiences, before asking.
import { findDelegationRule, type AudienceGrant } from '../../protocol/idp/exchange-policy.ts'
import type { Scenario } from '../scenario/scenario.ts'

/**
 * For each granted scope that policy forbids at one of the requested targets, the first such target's
 * audience: what the IdP would answer with `invalid_scope` ("not allowed for audience …"). Empty when no
 * delegation rule applies (that refusal comes first) or no target is known to policy (`invalid_target`).
 * Mirrors `narrowScope`: a scope must be allowed at every target, since the token works at each.
 * @see RFC 8693 §2.1 (scope, audience), RFC 8707 §2 (resource)
 */
export function scopesForbiddenByPolicy(scenario: Scenario): Map<string, string> {
  const forbidden = new Map<string, string>()
  const rule = findDelegationRule(scenario.policy, scenario.actor.spiffeId, scenario.user.sub)
  if (!rule) return forbidden
  const targets: AudienceGrant[] = []
  for (const audience of scenario.request.audiences) {
    const grant = rule.audiences.find((candidate) => candidate.audience === audience)
    if (!grant) return forbidden
    targets.push(grant)
  }
  for (const resource of scenario.request.resources) {
    const grant = rule.audiences.find((candidate) => resource.startsWith(candidate.resource))
    if (!grant) return forbidden
    targets.push(grant)
  }
  for (const scope of scenario.user.grantedScopes) {
    const refusing = targets.find((target) => !target.scopes.includes(scope))
    if (refusing) forbidden.set(scope, refusing.audience)
  }
  return forbidden
}
