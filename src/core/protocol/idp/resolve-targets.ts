// Maps `audience` and `resource` parameters onto the audiences an agent's policy lets it reach.
import { fail, ok, oauthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { AudienceGrant, DelegationRule } from './exchange-policy.ts'

const invalidTarget = (
  param: 'audience' | 'resource',
  reason: Reason,
  description: string,
  explanation: string,
) => fail<AudienceGrant[]>(oauthError(reason, description, { explanation, param }))

/** A resource URI matches a grant when origins agree and its path sits under the grant's path. */
function resourceMatches(resource: URL, grant: AudienceGrant): boolean {
  const granted = new URL(grant.resource)
  const base = granted.pathname.endsWith('/') ? granted.pathname : `${granted.pathname}/`
  return (
    resource.origin === granted.origin &&
    (resource.pathname === granted.pathname || `${resource.pathname}/`.startsWith(base))
  )
}

/**
 * Resolves each requested target to a grant in the actor's rule, refusing any the policy doesn't name.
 * @see RFC 8693 §2.1, §2.2.2 (invalid_target), RFC 8707 §2
 */
export function resolveTargets(
  audiences: string[],
  resources: string[],
  rule: DelegationRule,
): Result<AudienceGrant[]> {
  if (audiences.length === 0 && resources.length === 0)
    return invalidTarget(
      'audience',
      'target.missing',
      'An "audience" or "resource" is required',
      'This IdP only issues audience-restricted tokens, so the request must say where the token will be used.',
    )
  const grants: AudienceGrant[] = []
  for (const audience of audiences) {
    const grant = rule.audiences.find((candidate) => candidate.audience === audience)
    if (!grant)
      return invalidTarget(
        'audience',
        'target.audience_not_allowed',
        `Audience "${audience}" is outside policy for ${rule.actor}`,
        `The IdP's policy does not let ${rule.actor} reach "${audience}", so it will not mint a token for it.`,
      )
    grants.push(grant)
  }
  for (const resource of resources) {
    let url: URL
    try {
      url = new URL(resource)
    } catch {
      return invalidTarget(
        'resource',
        'target.resource_not_absolute',
        `"resource" ${resource} is not an absolute URI`,
        'A resource indicator must be an absolute URI, such as https://api.github.com/.',
      )
    }
    if (resource.includes('#'))
      return invalidTarget(
        'resource',
        'target.resource_has_fragment',
        `"resource" ${resource} must not contain a fragment`,
        'A resource indicator names a server, and a fragment is never sent to a server.',
      )
    const grant = rule.audiences.find((candidate) => resourceMatches(url, candidate))
    if (!grant)
      return invalidTarget(
        'resource',
        'target.resource_not_allowed',
        `Resource "${resource}" is outside policy for ${rule.actor}`,
        `The IdP's policy does not let ${rule.actor} reach ${resource}.`,
      )
    grants.push(grant)
  }
  return ok([...new Set(grants)])
}
