// The token inspector's core: decode a pasted JWT, explain its claims, draw its act chain, check the actor profile.
import { isObject } from '../json/is-object.ts'
import { checkActorProfile, type ActorProfilePolicy } from '../actor-profile/check-actor-profile.ts'
import type { ActorProfileCheck } from '../actor-profile/actor-profile-rules.ts'
import { claimInfo, type ClaimInfo } from './claim-registry.ts'
import { readCompactJws } from './read-compact-jws.ts'

/** The longest text the inspector reads: real JWTs are a few KiB; anything past this is refused whole. */
export const MAX_INSPECT_CHARS = 64 * 1024

export interface InspectedClaim {
  name: string
  value: unknown
  info: ClaimInfo | null
}

/** One actor of the chain, outermost (the current actor) first. */
export interface ChainLink {
  sub: string
  iss: string | null
  subProfile: string | null
}

export interface TokenInspection {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  claims: InspectedClaim[]
  /** The subject, then who acts for them: `sub` first is the user, the chain follows innermost last. */
  subject: string | null
  actChain: ChainLink[]
  /** `may_act`, when the token says who may act for its subject. */
  mayAct: unknown
  profile: ActorProfileCheck[]
}

export type InspectionResult =
  | { ok: true; value: TokenInspection }
  | { ok: false; reason: 'inspect.empty' | 'inspect.too_large' | 'inspect.malformed'; message: string }

/**
 * Decodes a pasted JWT without verifying it, for reading only: header, claims with their registry
 * explanation, the `act` chain, `may_act`, and one check per actor-profile rule. Never throws; text over
 * {@link MAX_INSPECT_CHARS}, or not one compact JWS, is refused whole with a reason.
 * @see RFC 7519 §7.2, RFC 8693 §4.1, §4.4
 * @see draft-mcguinness-oauth-actor-profile-00 §3.4, §3.5
 */
export function inspectToken(text: string, policy: ActorProfilePolicy = { maxDepth: 4 }): InspectionResult {
  if (text.length > MAX_INSPECT_CHARS)
    return {
      ok: false,
      reason: 'inspect.too_large',
      message: `That is ${text.length.toLocaleString('en')} characters; a JWT this page reads is at most ${MAX_INSPECT_CHARS.toLocaleString('en')}.`,
    }
  const token = text.trim()
  if (token === '') return { ok: false, reason: 'inspect.empty', message: 'Paste a JWT to decode it.' }
  const read = readCompactJws(token, 'The pasted token')
  if (!read.ok) return { ok: false, reason: 'inspect.malformed', message: read.failure.explanation }
  const { header, payload } = read.value

  const actChain: ChainLink[] = []
  for (let act = payload.act; isObject(act) && actChain.length < 32; act = act.act)
    actChain.push({
      sub: String(act.sub),
      iss: typeof act.iss === 'string' ? act.iss : null,
      subProfile: typeof act.sub_profile === 'string' ? act.sub_profile : null,
    })
  return {
    ok: true,
    value: {
      header,
      payload,
      claims: Object.entries(payload).map(([name, value]) => ({
        name,
        value,
        info: claimInfo(name) ?? null,
      })),
      subject: typeof payload.sub === 'string' ? payload.sub : null,
      actChain,
      mayAct: payload.may_act ?? null,
      profile: checkActorProfile(payload, policy),
    },
  }
}
