// The IdP's token for the signed-in user: what the agent exchanges as `subject_token`.
import { SignJWT } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import type { PriorActor } from './prior-actor.ts'
import { JWT_TYP } from './token-types.ts'

export interface SubjectTokenClaims {
  issuer: string
  sub: string
  scope: string[]
  amr: string[]
  iat: number
  ttl: number
  /**
   * `may_act` (RFC 8693 §4.4): the one actor this user allows, as its `sub` (and optionally `iss`);
   * a plain string is shorthand for `{ sub }`, and empty means none.
   */
  mayAct: string | { sub: string; iss?: string }
  /** Earlier actors, most recent first: a subject token that is itself delegated (RFC 8693 §4.1). */
  priorActors: PriorActor[]
  /** The client the user signed in through, when the token is itself delegated. */
  clientId?: string
  /** `aud` other than the IdP itself, to mint a token addressed elsewhere (tests of refusals). */
  audience?: string
  /** `nbf`, left out when absent. */
  nbf?: number
  /** `exp` other than `iat + ttl`, to mint an expired token (tests of refusals). */
  exp?: number
  /** From a verified sign-in ceremony: `acr`, `auth_time` (OpenID Connect Core 1.0 §2) and `cred_hash`. */
  acr?: string
  authTime?: number
  credHash?: string
}

/** Nests prior actors as RFC 8693 §4.1 does: most recent outermost. */
export function nestActors(actors: PriorActor[]): Record<string, unknown> | undefined {
  return actors.reduceRight<Record<string, unknown> | undefined>(
    (inner, actor) => ({ ...actor, ...(inner ? { act: inner } : {}) }),
    undefined,
  )
}

/**
 * Mints the user's subject token: an RFC 9068 access token whose audience is the IdP itself,
 * so it is only good for exchange there.
 * @see RFC 8693 §2.1, RFC 9068 §2.2, RFC 8176 §2
 */
export async function mintSubjectToken(key: SigningKey, claims: SubjectTokenClaims): Promise<string> {
  const act = nestActors(claims.priorActors)
  return new SignJWT({
    scope: claims.scope.join(' '),
    amr: claims.amr,
    client_id: claims.clientId ?? 'playground-web',
    ...(claims.mayAct === ''
      ? {}
      : { may_act: typeof claims.mayAct === 'string' ? { sub: claims.mayAct } : claims.mayAct }),
    ...(claims.nbf === undefined ? {} : { nbf: claims.nbf }),
    ...(claims.acr === undefined ? {} : { acr: claims.acr }),
    ...(claims.authTime === undefined ? {} : { auth_time: claims.authTime }),
    ...(claims.credHash === undefined ? {} : { cred_hash: claims.credHash }),
    ...(act ? { act } : {}),
  })
    .setProtectedHeader({ alg: key.alg, typ: JWT_TYP.accessToken, kid: key.kid })
    .setIssuer(claims.issuer)
    .setSubject(claims.sub)
    .setAudience(claims.audience ?? claims.issuer)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp ?? claims.iat + claims.ttl)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey)
}
