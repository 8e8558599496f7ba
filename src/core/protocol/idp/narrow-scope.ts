// Downscoping: the issued scope is what was asked for, within what the user granted and policy allows.
import { fail, ok, oauthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { AudienceGrant } from './exchange-policy.ts'

const invalidScope = (reason: Reason, description: string, explanation: string) =>
  fail<string[]>(oauthError(reason, description, { explanation }))

/**
 * Narrows scope. A token carrying several audiences can be replayed at each of them, so every
 * scope must be allowed at every requested target, not only at one.
 * With no `scope` requested, the IdP issues the largest scope allowed, which the response then states.
 * @see RFC 8693 §2.1 (scope), §2.2.1, RFC 6749 §3.3
 */
export function narrowScope(
  requested: string[] | null,
  granted: string[],
  targets: AudienceGrant[],
): Result<string[]> {
  const allowedEverywhere = (scope: string) => targets.every((target) => target.scopes.includes(scope))
  if (requested === null) {
    const scope = granted.filter(allowedEverywhere)
    if (scope.length === 0)
      return invalidScope(
        'exchange.no_scope_available',
        'No scope the user granted is allowed for these audiences',
        'With no "scope" parameter the IdP offers the overlap of what the user granted and what policy allows, and that overlap is empty.',
      )
    return ok(scope)
  }
  for (const scope of requested) {
    if (!granted.includes(scope))
      return invalidScope(
        'exchange.scope_not_granted',
        `Scope "${scope}" exceeds what the subject token grants`,
        `The user never granted "${scope}". A token exchange can only narrow authority; it can never add to it.`,
      )
    const refusing = targets.find((target) => !target.scopes.includes(scope))
    if (refusing)
      return invalidScope(
        'exchange.scope_not_allowed',
        `Scope "${scope}" is not allowed for audience ${refusing.audience}`,
        `The user granted "${scope}", but the IdP's policy does not allow it at ${refusing.audience} for this agent.`,
      )
  }
  return ok([...new Set(requested)])
}
