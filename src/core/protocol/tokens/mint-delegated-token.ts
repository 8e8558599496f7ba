// The token the IdP issues from an exchange: the user's authority, narrowed, carried by the agent.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import { JWT_TYP } from './token-types.ts'

export interface DelegatedTokenClaims {
  issuer: string
  sub: string
  clientId: string
  aud: string[]
  scope: string[]
  iat: number
  ttl: number
  /** `act` (RFC 8693 §4.1); absent for impersonation. */
  act: Record<string, unknown> | null
  /** RFC 7638 thumbprint of the agent's DPoP key (RFC 9449 §6.1); absent for a bearer token. */
  jkt: string | null
  /** Authentication methods carried over from the subject token (RFC 8176). */
  amr: unknown
}

/**
 * Mints an RFC 9068 JWT access token carrying the delegation.
 * @see RFC 9068 §2.2, RFC 8693 §4.1, RFC 9449 §6.1
 */
export async function mintDelegatedToken(key: SigningKey, claims: DelegatedTokenClaims): Promise<string> {
  return new SignJWT({
    client_id: claims.clientId,
    scope: claims.scope.join(' '),
    ...(Array.isArray(claims.amr) ? { amr: claims.amr } : {}),
    ...(claims.act ? { act: claims.act } : {}),
    ...(claims.jkt ? { cnf: { jkt: claims.jkt } } : {}),
  })
    .setProtectedHeader({ alg: key.alg, typ: JWT_TYP.accessToken, kid: key.kid })
    .setIssuer(claims.issuer)
    .setSubject(claims.sub)
    .setAudience(claims.aud.length === 1 ? claims.aud[0]! : claims.aud)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.iat + claims.ttl)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey)
}
