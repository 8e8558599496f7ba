// The names cross-app access puts on the wire: token type, JOSE `typ`, grant type, client assertion type.

/**
 * Identity Assertion JWT Authorization Grant names, as draft-ietf-oauth-identity-assertion-authz-grant
 * registers them (§9). The draft names no other spelling for the token type or `typ`, so no other is accepted.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §3, §4.3, §7.2, §9
 */
export const ID_JAG = {
  /** `requested_token_type` and `issued_token_type` of the exchange (§4.3, §4.3.4). */
  tokenType: 'urn:ietf:params:oauth:token-type:id-jag',
  /** The JOSE header `typ` of every ID-JAG (§3, RFC 8725 §3.11). */
  typ: 'oauth-id-jag+jwt',
  /** `authorization_grant_profiles_supported` value of a resource authorization server (§7.2). */
  grantProfile: 'urn:ietf:params:oauth:grant-profile:id-jag',
} as const

/** RFC 7523 §2.1: a JWT used as an authorization grant (defined once, with its request parser). */
export { JWT_BEARER_GRANT } from '../jwt-bearer/jwt-bearer-request.ts'

/** RFC 8693 §2.1. */
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** draft-ietf-oauth-spiffe-client-auth §3.1: a JWT-SVID as the client assertion, no secret. */
export const JWT_SPIFFE_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-spiffe'

/** An OpenID Connect ID token's JOSE `typ` as minted here (OpenID Connect Core §2 leaves it open). */
export const ID_TOKEN_TYP = 'JWT'

/** How long an ID-JAG lives by default: short, it is a one-shot grant (§3 `exp`, MCP EMA §7.4.2). */
export const DEFAULT_ID_JAG_TTL = 300
