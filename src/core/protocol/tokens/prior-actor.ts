// An earlier actor in a delegation chain, as a subject token that was itself delegated carries it.

/**
 * One entry of a nested `act` claim: who acted, for which client, vouched for by whom.
 * @see RFC 8693 §4.1
 */
export interface PriorActor {
  sub: string
  azp?: string
  iss?: string
  attestation?: string
}
