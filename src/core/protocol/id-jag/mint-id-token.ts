// Signs the user's ID token, as the IdP does after a sign-in: the identity assertion an ID-JAG is made from.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import { ID_TOKEN_TYP } from './id-jag-names.ts'

export interface IdTokenClaims {
  issuer: string
  sub: string
  /** The client the user signed in to: the agent's `client_id` at the IdP. */
  audience: string
  amr: string[]
  /** When the user authenticated (OpenID Connect Core §2 `auth_time`). */
  authTime: number
  iat: number
  ttl: number
}

/**
 * Mints an OpenID Connect ID token with `auth_time` and `amr`.
 * @see OpenID Connect Core 1.0 §2, RFC 8176
 */
export async function mintIdToken(key: SigningKey, claims: IdTokenClaims): Promise<string> {
  return new SignJWT({ amr: claims.amr, auth_time: claims.authTime })
    .setProtectedHeader({ alg: key.alg, typ: ID_TOKEN_TYP, kid: key.kid })
    .setIssuer(claims.issuer)
    .setSubject(claims.sub)
    .setAudience(claims.audience)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.iat + claims.ttl)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey)
}
