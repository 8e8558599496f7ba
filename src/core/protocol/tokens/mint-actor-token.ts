// The workload issuer's token for the agent: a JWT-SVID-like `actor_token`.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import { JWT_TYP } from './token-types.ts'

export interface ActorTokenClaims {
  issuer: string
  /** The workload's SPIFFE ID. */
  spiffeId: string
  /** Who the SVID is for: the IdP that will read it. */
  audience: string
  /** The platform that attested the workload; `none` leaves the claim out. */
  attestation: string
  iat: number
  ttl: number
  /** `nbf`, left out when absent. */
  nbf?: number
  /** `exp` other than `iat + ttl`, to mint an expired token (tests of refusals). */
  exp?: number
}

/**
 * Mints a JWT-SVID-shaped actor token: `sub` is the SPIFFE ID, `aud` the IdP, `exp` short.
 * @see SPIFFE JWT-SVID §3, RFC 8693 §2.1 (actor_token)
 */
export async function mintActorToken(key: SigningKey, claims: ActorTokenClaims): Promise<string> {
  return new SignJWT({
    ...(claims.attestation === 'none' ? {} : { attestation: claims.attestation }),
    ...(claims.nbf === undefined ? {} : { nbf: claims.nbf }),
  })
    .setProtectedHeader({ alg: key.alg, typ: JWT_TYP.jwtSvid, kid: key.kid })
    .setIssuer(claims.issuer)
    .setSubject(claims.spiffeId)
    .setAudience(claims.audience)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp ?? claims.iat + claims.ttl)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey)
}
