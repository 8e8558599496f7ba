// Applies the actor profile where a token is minted: records every rule, and refuses on the first broken one.
import type { OAuthError } from '../errors/oauth-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { actorProfileRefusal } from './actor-profile-rules.ts'
import { specText } from '../errors/reasoned-error.ts'
import { checkActorProfile } from './check-actor-profile.ts'

/**
 * Checks the claims about to be issued against every actor-profile rule, records each as a check, and
 * returns the refusal for the first that fails (`invalid_request`: a chain too deep is refused, never
 * truncated), or null.
 * @see draft-mcguinness-oauth-actor-profile-00 §3.5, §6.5.2
 */
export function enforceActorProfile(
  claims: Record<string, unknown>,
  maxDepth: number,
  log: CheckLog,
): OAuthError | null {
  const checks = checkActorProfile(claims, { maxDepth })
  for (const check of checks)
    log.record({
      label: `actor profile: ${check.label}`,
      spec: specText(check.spec),
      ok: check.ok,
      detail: check.detail,
    })
  const failed = checks.find((check) => !check.ok)
  return failed ? actorProfileRefusal(failed) : null
}
