// The workload issuers whose keys the IdP knows, by issuer, for the delegation flow.
import type { JWK } from 'jose'
import { publicJwks, type KeyRing } from '../../../protocol/keys/key-ring.ts'
import { WORKLOAD_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Scenario } from '../../scenario/scenario.ts'

/**
 * The IdP knows the workload issuer's keys. With its issuer-trust defence switched off
 * (`exchange.actor_issuer_untrusted`), it also finds the keys of whatever issuer an actor token names,
 * as a server that fetches keys by discovery from the token's own `iss` would: the forger's own key.
 * @see RFC 8693 §2.2.2
 */
export function actorIssuerKeys(
  scenario: Scenario,
  workload: { keys: JWK[] },
  keys: KeyRing,
): Record<string, { keys: JWK[] }> {
  const known: Record<string, { keys: JWK[] }> = { [WORKLOAD_ISSUER]: workload }
  if (
    scenario.defencesOff.includes('exchange.actor_issuer_untrusted') &&
    scenario.actor.issuer !== WORKLOAD_ISSUER
  )
    known[scenario.actor.issuer] = publicJwks(keys.rogue)
  return known
}
