// Token type URIs (RFC 8693 §3) and the JOSE `typ` each kind of JWT carries here (RFC 8725 §3.11).

/** The grant type of a token exchange request (RFC 8693 §2.1). */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'

export const TOKEN_TYPE = {
  accessToken: 'urn:ietf:params:oauth:token-type:access_token',
  refreshToken: 'urn:ietf:params:oauth:token-type:refresh_token',
  idToken: 'urn:ietf:params:oauth:token-type:id_token',
  saml1: 'urn:ietf:params:oauth:token-type:saml1',
  saml2: 'urn:ietf:params:oauth:token-type:saml2',
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const

/** Every URI RFC 8693 §3 registers, for the "requested token type" control. */
export const REGISTERED_TOKEN_TYPES: readonly string[] = Object.values(TOKEN_TYPE)

/**
 * Explicit typing (RFC 8725 §3.11) keeps one kind of JWT from passing for another: the IdP's
 * tokens are RFC 9068 access tokens, workload identities are JWT-SVIDs, proofs are `dpop+jwt`.
 */
export const JWT_TYP = {
  accessToken: 'at+jwt',
  dpopProof: 'dpop+jwt',
  jwtSvid: 'JWT',
} as const

/** Subject token types the IdP accepts, with the `typ` a token of that type must carry. */
export const SUBJECT_TOKEN_TYPES: Readonly<Record<string, string>> = {
  [TOKEN_TYPE.accessToken]: JWT_TYP.accessToken,
}

/** Actor token types the IdP accepts: a JWT-SVID is a plain JWT (SPIFFE JWT-SVID §3). */
export const ACTOR_TOKEN_TYPES: Readonly<Record<string, string>> = {
  [TOKEN_TYPE.jwt]: JWT_TYP.jwtSvid,
}

/** Token types the IdP can issue; both are JWT access tokens usable at a resource server. */
export const ISSUABLE_TOKEN_TYPES: readonly string[] = [TOKEN_TYPE.accessToken, TOKEN_TYPE.jwt]
