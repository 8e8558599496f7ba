// Who a refused request claimed to be, read from its tokens without trusting them, for the denial line.
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { actorChain } from './actor-chain.ts'

/**
 * The user and agent a request named, as its tokens claim them, unverified. An investigator reading a
 * denial needs them first; the audit line writes them as `claimed_principal` / `claimed_actor`, never
 * as `principal` / `acting_as`, which only ever hold verified values.
 */
export interface ClaimedIdentity {
  principal: string | null
  actor: string | null
}

export const NOTHING_CLAIMED: ClaimedIdentity = { principal: null, actor: null }

/**
 * The claims of a token as read, without verifying its signature; null when it is not a readable
 * compact JWS (the same strict reader the verifier uses, so a hostile token costs linear time).
 */
function unverifiedClaims(token: string | null | undefined): Record<string, unknown> | null {
  if (typeof token !== 'string' || token === '') return null
  const read = readCompactJws(token, 'token')
  return read.ok ? read.value.payload : null
}

const subOf = (claims: Record<string, unknown> | null): string | null =>
  typeof claims?.sub === 'string' ? claims.sub : null

/**
 * What an exchange request claimed: the subject token's `sub` and the actor token's `sub`
 * (RFC 8693 §2.1). Either may be null when the token is absent or unreadable.
 */
export function claimedByExchange(subjectToken: string | null, actorToken: string | null): ClaimedIdentity {
  return { principal: subOf(unverifiedClaims(subjectToken)), actor: subOf(unverifiedClaims(actorToken)) }
}

/** What an access token presented to a resource server claimed: its `sub` and current `act.sub` (RFC 8693 §4.1). */
export function claimedByAccessToken(token: string | null): ClaimedIdentity {
  const claims = unverifiedClaims(token)
  return { principal: subOf(claims), actor: claims ? (actorChain(claims)[0] ?? null) : null }
}
