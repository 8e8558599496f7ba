// Key and token fingerprints DPoP binds with: RFC 7638 JWK thumbprints (`jkt`) and the access-token hash (`ath`).
import { base64url, calculateJwkThumbprint, type JWK } from 'jose'

/**
 * The RFC 7638 SHA-256 thumbprint of a public key, as carried in `cnf.jkt` and `dpop_jkt`.
 * Only the required members count (for EC: crv, kty, x, y), so `kid`, `alg` or `use` never change it.
 * Throws when the JWK lacks a required member; verifiers call it only on keys jose already imported.
 * @see RFC 9449 §6.1
 * @see RFC 7638 §3
 */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256')
}

/**
 * The `ath` claim for an access token: base64url(SHA-256(ASCII octets of the token)).
 * @see RFC 9449 §4.2
 */
export async function accessTokenHash(accessToken: string): Promise<string> {
  // Access tokens are VSCHAR / token68 (RFC 6749 App. A.12, RFC 6750 §2.1), so UTF-8 octets are the ASCII octets.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))
  return base64url.encode(new Uint8Array(digest))
}
