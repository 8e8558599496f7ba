// Compares two `act` chains actor by actor, to catch an actor added or dropped between hops.
import { isObject } from '../json/is-object.ts'

/** One actor of a chain: who (`sub`) and in whose namespace (`iss`, when given). */
export interface ChainActor {
  sub: string
  iss: string | null
}

/**
 * The actors of an `act` claim, outermost first, read to at most `limit` levels.
 * @see RFC 8693 §4.1
 */
export function chainActors(act: unknown, limit = 32): ChainActor[] {
  const actors: ChainActor[] = []
  for (let node = act; isObject(node) && actors.length < limit; node = node.act)
    actors.push({ sub: String(node.sub), iss: typeof node.iss === 'string' ? node.iss : null })
  return actors
}

export const formatActor = (actor: ChainActor): string =>
  actor.iss ? `${actor.sub} (${actor.iss})` : actor.sub

export type ChainComparison =
  { same: true } | { same: false; added: ChainActor[]; dropped: ChainActor[]; reordered: boolean }

/**
 * Whether `after` holds exactly the actors of `before`, in the same order. `sub` may change form
 * across domains (claims transcription), but the chain of who acted must not.
 * @see draft-ietf-oauth-identity-chaining-16 §2.5
 */
export function compareActChains(before: unknown, after: unknown): ChainComparison {
  const key = (actor: ChainActor) => `${actor.iss ?? ''}\u0000${actor.sub}`
  const a = chainActors(before).map(key)
  const b = chainActors(after).map(key)
  if (a.length === b.length && a.every((value, index) => value === b[index])) return { same: true }
  const added = chainActors(after).filter((actor) => !a.includes(key(actor)))
  const dropped = chainActors(before).filter((actor) => !b.includes(key(actor)))
  return { same: false, added, dropped, reordered: added.length === 0 && dropped.length === 0 }
}

/** A short sentence on what changed, for an error description. */
export function describeSplice(comparison: Exclude<ChainComparison, { same: true }>): string {
  if (comparison.reordered) return 'the actors were reordered'
  const parts = [
    ...comparison.added.map((actor) => `added ${formatActor(actor)}`),
    ...comparison.dropped.map((actor) => `dropped ${formatActor(actor)}`),
  ]
  return parts.join(', ')
}
