// Reads the chain of actors out of nested `act` claims, current actor first.

/**
 * `act.sub`, then `act.act.sub`, and so on: the current actor first, then each earlier one.
 * Depth is capped so a hostile token can't make the reader loop for long.
 * @see RFC 8693 §4.1
 */
export function actorChain(claims: Record<string, unknown>, maxDepth = 32): string[] {
  const chain: string[] = []
  let act: unknown = claims.act
  while (typeof act === 'object' && act !== null && chain.length < maxDepth) {
    const sub = (act as Record<string, unknown>).sub
    chain.push(typeof sub === 'string' ? sub : String(sub))
    act = (act as Record<string, unknown>).act
  }
  return chain
}
