// The IdP's exchange policy as data: who may act for whom, where, with which scopes, for how long.

/** One audience an agent may reach, and the scopes it may carry there. */
export interface AudienceGrant {
  /** The logical audience placed in `aud` (RFC 8693 §2.1 `audience`). */
  audience: string
  /** The resource URI that names the same target (RFC 8707 §2 `resource`), matched by origin and path prefix. */
  resource: string
  scopes: string[]
}

/** Which users an agent may act for, and where. */
export interface DelegationRule {
  /** The agent's workload identity (the actor token's `sub`). */
  actor: string
  /** User ids (`sub`) this agent may act for; `*` means any user. */
  users: string[]
  audiences: AudienceGrant[]
}

/** The IdP's client registry entry: the OAuth client a workload identity acts as. */
export interface RegisteredClient {
  clientId: string
  /** The SPIFFE ID whose actor tokens authenticate this client's delegation requests. */
  spiffeId: string
}

export interface ExchangePolicy {
  clients: RegisteredClient[]
  delegations: DelegationRule[]
  /** Issuers trusted for actor tokens (workload identity: SPIRE, a platform's OIDC). */
  trustedActorIssuers: string[]
  /** Upper bound on the delegated token's lifetime, in seconds. */
  maxTtl: number
  /** How many actors a delegation chain may hold, the new one included (RFC 8693 §4.1). */
  maxChainDepth: number
  /** Refuse exchanges with no actor token (impersonation, RFC 8693 §1.1). */
  requireActorToken: boolean
  /** Require a DPoP proof on the token request, so every issued token is key-bound (RFC 9449 §5). */
  requireDpop: boolean
  /** Require a server-provided nonce in DPoP proofs (RFC 9449 §8). */
  requireDpopNonce: boolean
  /**
   * Apply the OAuth Actor Profile when minting: each new `act` gets `sub_profile` (from the actor token,
   * else `actorSubProfile`), and the issued claims must pass every profile rule or the exchange is refused.
   * @see draft-mcguinness-oauth-actor-profile-00 §3.4, §3.5, §6.5.2
   */
  actorProfile?: { actorSubProfile: 'ai_agent' | 'service' | 'user' } | null
}

/** The delegation rule for this actor and user, if any. `*` in `users` matches everyone. */
export function findDelegationRule(
  policy: ExchangePolicy,
  actor: string,
  user: string,
): DelegationRule | undefined {
  return policy.delegations.find(
    (rule) => rule.actor === actor && (rule.users.includes(user) || rule.users.includes('*')),
  )
}
