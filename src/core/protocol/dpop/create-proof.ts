// Builds the DPoP proof JWT a client sends with a token request or a resource request.
import { SignJWT, type JWTPayload } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'

/** The claims of a DPoP proof (RFC 9449 §4.2); `jti` defaults to a random UUID. */
export interface DpopProofClaims {
  htm: string
  htu: string
  iat: number
  jti?: string
  /** Hash of the access token sent with the proof, required at a resource server. */
  ath?: string
  /** A nonce the server handed out in `DPoP-Nonce`. */
  nonce?: string
}

/**
 * Signs a DPoP proof with `key`, embedding only the public key's required members in the `jwk` header,
 * so no `kid`, `use` or private member ever leaves the client.
 * @see RFC 9449 §4.2
 */
export async function createDpopProof(key: SigningKey, claims: DpopProofClaims): Promise<string> {
  const { kty, crv, x, y } = key.publicJwk
  const payload: JWTPayload = {
    jti: claims.jti ?? crypto.randomUUID(),
    htm: claims.htm,
    htu: claims.htu,
    iat: claims.iat,
  }
  if (claims.ath !== undefined) payload.ath = claims.ath
  if (claims.nonce !== undefined) payload.nonce = claims.nonce
  return new SignJWT(payload)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: key.alg, jwk: { kty, crv, x, y } })
    .sign(key.privateKey)
}
