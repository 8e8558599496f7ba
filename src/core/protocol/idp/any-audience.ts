// The policy a vulnerable IdP acts on when its audience defence is off: every audience asked for is allowed.
import type { DelegationRule } from './exchange-policy.ts'

/**
 * The rule with a grant added for each requested audience it does not list, allowing there every scope
 * the rule allows anywhere. Only the playground's "Defence on" switch (target.audience_not_allowed off)
 * uses it, to show what an IdP that skips RFC 8693 §2.1's audience check would mint.
 * @see RFC 8693 §2.1, §2.2.2 (invalid_target)
 */
export function anyAudience(rule: DelegationRule, audiences: string[]): DelegationRule {
  const scopes = [...new Set(rule.audiences.flatMap((grant) => grant.scopes))]
  const missing = audiences.filter((audience) => !rule.audiences.some((grant) => grant.audience === audience))
  return {
    ...rule,
    audiences: [
      ...rule.audiences,
      ...missing.map((audience) => ({ audience, resource: `https://${audience}/`, scopes })),
    ],
  }
}
