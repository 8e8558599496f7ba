// Signs an Identity Assertion JWT Authorization Grant with the IdP's key.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import { ID_JAG } from './id-jag-names.ts'
import { formatScope } from '../tokens/scope.ts'

/** What an ID-JAG says (draft §3.1), before signing. */
export interface IdJagClaims {
  iss: string
  sub: string
  /** The resource authorization server's issuer. */
  aud: string
  /** The agent's client id at the resource AS. */
  clientId: string
  iat: number
  ttl: number
  resource: string | null
  scope: string[]
  amr: string[] | null
  authTime: number | null
  /** DPoP key thumbprint the grant is bound to (`cnf.jkt`, draft §8.4.1), or null. */
  jkt: string | null
  /** The grant's `jti`; a fresh random one when left out. */
  jti?: string
}

/**
 * Mints an ID-JAG: header `typ` `oauth-id-jag+jwt`; `iss`, `sub`, `aud`, `client_id`, `jti`, `iat`, a
 * short `exp`, then `resource`, `scope`, `auth_time`, `amr` and `cnf` when there is something to say.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §3, §3.1
 */
export async function mintIdJag(key: SigningKey, claims: IdJagClaims): Promise<string> {
  return new SignJWT({
    client_id: claims.clientId,
    ...(claims.resource ? { resource: claims.resource } : {}),
    ...(claims.scope.length > 0 ? { scope: formatScope(claims.scope) } : {}),
    ...(claims.authTime !== null ? { auth_time: claims.authTime } : {}),
    ...(claims.amr ? { amr: claims.amr } : {}),
    ...(claims.jkt ? { cnf: { jkt: claims.jkt } } : {}),
  })
    .setProtectedHeader({ alg: key.alg, typ: ID_JAG.typ, kid: key.kid })
    .setIssuer(claims.iss)
    .setSubject(claims.sub)
    .setAudience(claims.aud)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.iat + claims.ttl)
    .setJti(claims.jti ?? crypto.randomUUID())
    .sign(key.privateKey)
}
