// The `act` claim: who is acting, with the earlier chain nested inside.
import { isObject } from '../json/is-object.ts'
import type { JWTPayload } from 'jose'

export interface ActorIdentity {
  sub: string
  azp: string
  iss: string
  attestation: string | null
  /** What the actor is (`ai_agent`, `service`, `user`), set when the actor profile applies. */
  subProfile?: string | null
}

/**
 * The new actor goes outermost; an `act` the subject token already carried moves inside it.
 * @see RFC 8693 §4.1
 */
export function buildActClaim(actor: ActorIdentity, priorAct: unknown): Record<string, unknown> {
  return {
    sub: actor.sub,
    azp: actor.azp,
    iss: actor.iss,
    ...(actor.attestation ? { attestation: actor.attestation } : {}),
    // draft-mcguinness-oauth-actor-profile-00 §3.4: the profile classifies every actor it adds.
    ...(actor.subProfile ? { sub_profile: actor.subProfile } : {}),
    ...(isObject(priorAct) ? { act: priorAct } : {}),
  }
}

/** How many actors a claims set's `act` chain holds. */
export function chainDepth(payload: JWTPayload | Record<string, unknown>): number {
  let depth = 0
  let act: unknown = payload.act
  while (isObject(act)) {
    depth += 1
    act = act.act
  }
  return depth
}
