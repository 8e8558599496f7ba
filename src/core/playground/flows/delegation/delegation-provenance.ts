// Where each claim of this run's delegated token came from, read off the IdP's inputs and what it issued.
import type { ClaimSource } from '../../run.ts'
import type { Scenario } from '../../scenario/scenario.ts'

type Claims = Record<string, unknown>

const sameWords = (a: unknown, b: readonly string[]) =>
  typeof a === 'string' && a.split(' ').filter(Boolean).sort().join(' ') === [...b].sort().join(' ')

/**
 * Attributes each top-level claim of the issued token (RFC 8693 §2.2, RFC 9068 §2.2). Values the IdP
 * chose are compared with the inputs it chose from, so the attribution follows this run: a scope the
 * exchange left as granted comes from the subject token, one it cut is policy's; a lifetime comes from
 * whichever bound was smallest (policy, request, or an input token about to expire).
 */
export function delegationProvenance(
  issued: Claims,
  inputs: { scenario: Scenario; subject: Claims | null; actor: Claims | null },
): Record<string, ClaimSource> {
  const { scenario, subject, actor } = inputs
  const ttl =
    typeof issued.exp === 'number' && typeof issued.iat === 'number' ? issued.exp - issued.iat : null
  const expSource = (): ClaimSource => {
    if (ttl === null || ttl === scenario.policy.maxTtl) return 'policy'
    if (ttl === scenario.request.requestedTtl) return 'request'
    if (typeof subject?.exp === 'number' && issued.exp === subject.exp) return 'subject-token'
    if (typeof actor?.exp === 'number' && issued.exp === actor.exp) return 'actor-token'
    return 'policy'
  }
  const source = (claim: string): ClaimSource => {
    switch (claim) {
      case 'sub':
      case 'amr':
        return 'subject-token'
      // Without an actor token, an `act` can only be the subject token's own chain, carried over.
      case 'act':
        return actor ? 'actor-token' : 'subject-token'
      case 'cnf':
        return 'dpop-key'
      case 'client_id':
      case 'aud':
        return 'policy'
      case 'scope':
        return sameWords(issued.scope, scenario.user.grantedScopes) ? 'subject-token' : 'policy'
      case 'exp':
        return expSource()
      default:
        return 'idp'
    }
  }
  return Object.fromEntries(Object.keys(issued).map((claim) => [claim, source(claim)]))
}
