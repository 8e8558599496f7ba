// Key and token fingerprints DPoP binds with: RFC 7638 JWK thumbprints (`jkt`) and the access-token hash (`ath`).
import { base64url, calculateJwkThumbprint, type JWK } from 'jose'

// Thumbprints already computed, by the members any key type's thumbprint can depend on (RFC 7638 §3.2;
// `alg` and `pub` for jose's AKP keys). A thumbprint is a pure function of those members, so a hit is
// exactly what jose would compute again; bounded, oldest out first. The IdP and the resource server both
// thumbprint the agent's key on every Run: this spares two SHA-256 digests per Run.
const MEMBERS = ['kty', 'crv', 'x', 'y', 'e', 'n', 'k', 'alg', 'pub'] as const
const MAX_REMEMBERED = 64
const remembered = new Map<string, string>()

/**
 * The RFC 7638 SHA-256 thumbprint of a public key, as carried in `cnf.jkt` and `dpop_jkt`.
 * Only the required members count (for EC: crv, kty, x, y), so `kid`, `alg` or `use` never change it.
 * Throws when the JWK lacks a required member; verifiers call it only on keys jose already imported.
 * @see RFC 9449 §6.1
 * @see RFC 7638 §3
 */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  // JSON keeps member types apart ("5" is not 5), so two JWKs share an entry only if jose sees the same input.
  const id = JSON.stringify(MEMBERS.map((name) => (jwk as Record<string, unknown>)[name] ?? null))
  const known = remembered.get(id)
  if (known !== undefined) return known
  const thumbprint = await calculateJwkThumbprint(jwk, 'sha256')
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!)
  remembered.set(id, thumbprint)
  return thumbprint
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
