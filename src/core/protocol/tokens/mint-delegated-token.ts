// The token the IdP issues from an exchange: the user's authority, narrowed, carried by the agent.
import { SignJWT, type JWTPayload } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import { JWT_TYP } from './token-types.ts'
import { formatScope } from './scope.ts'

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

/** A minted token and the claims it carries, so nobody has to decode what was just signed. */
export interface MintedToken {
  compact: string
  claims: JWTPayload
}

/**
 * Mints an RFC 9068 JWT access token carrying the delegation, and returns its claims with it.
 * @see RFC 9068 §2.2, RFC 8693 §4.1, RFC 9449 §6.1
 */
export async function issueDelegatedToken(
  key: SigningKey,
  claims: DelegatedTokenClaims,
): Promise<MintedToken> {
  // The same members, in the same order, as the setters of SignJWT would add them.
  const payload: JWTPayload = {
    client_id: claims.clientId,
    scope: formatScope(claims.scope),
    ...(Array.isArray(claims.amr) ? { amr: claims.amr } : {}),
    ...(claims.act ? { act: claims.act } : {}),
    ...(claims.jkt ? { cnf: { jkt: claims.jkt } } : {}),
    iss: claims.issuer,
    sub: claims.sub,
    aud: claims.aud.length === 1 ? claims.aud[0]! : claims.aud,
    iat: claims.iat,
    exp: claims.iat + claims.ttl,
    jti: crypto.randomUUID(),
  }
  const compact = await new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, typ: JWT_TYP.accessToken, kid: key.kid })
    .sign(key.privateKey)
  return { compact, claims: payload }
}

/**
 * Mints an RFC 9068 JWT access token carrying the delegation.
 * @see RFC 9068 §2.2, RFC 8693 §4.1, RFC 9449 §6.1
 */
export async function mintDelegatedToken(key: SigningKey, claims: DelegatedTokenClaims): Promise<string> {
  return (await issueDelegatedToken(key, claims)).compact
}
