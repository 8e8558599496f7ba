// When the IdP issued a shorter lifetime than the agent asked for, say so in the asker's terms.
import type { Run } from '../run.ts'

/**
 * "asked for 9999 s, policy allows 600 s" when the issued token's lifetime (`exp - iat`) is shorter than
 * the `requested_lifetime` sent; null when nothing was asked, nothing issued, or nothing cut.
 * `requested_lifetime` is this playground's extension parameter: RFC 8693 §2.1 defines none, and §2.2.1
 * lets the IdP choose `expires_in`.
 */
export function describeTtlCut(run: Run): string | null {
  const asked = run.scenario.request.requestedTtl
  const payload = run.tokens.delegated?.payload
  if (asked === null || !payload || run.scenario.edits.rawTokenRequest !== null) return null
  const { exp, iat } = payload
  if (typeof exp !== 'number' || typeof iat !== 'number') return null
  const issued = exp - iat
  if (issued >= asked) return null
  return issued === run.scenario.policy.maxTtl
    ? `asked for ${asked} s, policy allows ${issued} s`
    : `asked for ${asked} s, the IdP issued ${issued} s (policy allows ${run.scenario.policy.maxTtl} s; an input token expires sooner)`
}
