// Every key the playground signs with, made once per page load (or test) with WebCrypto, never stored.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'

/** The signing algorithm every simulated party uses: ES256 is the DPoP and JWT-SVID common ground. */
export const SIGNING_ALG = 'ES256'

/** A key pair whose private half can sign but never be exported (WebCrypto `extractable: false`). */
export interface SigningKey {
  /** RFC 7638 thumbprint of the public key, used as `kid`. */
  kid: string
  alg: typeof SIGNING_ALG
  privateKey: CryptoKey
  /** The public key as a JWK with `kid`, `alg` and `use`, ready for a JWKS. */
  publicJwk: JWK
}

export interface KeyRing {
  /** The IdP's token-signing key: subject tokens and delegated tokens. */
  idp: SigningKey
  /** The trusted workload issuer's key (standing in for SPIRE or a platform's OIDC): actor tokens. */
  workload: SigningKey
  /** A key no one trusts: signs actor tokens from issuers outside policy, and forgeries. */
  rogue: SigningKey
  /** The acting agent's DPoP key (RFC 9449 §2). */
  agentDpop: SigningKey
  /** Someone else's DPoP key: a thief holding a stolen token but not the agent's key. */
  thiefDpop: SigningKey
}

/** Makes a non-extractable ES256 key pair and describes its public half. */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: false })
  const { kty, crv, x, y } = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint({ kty, crv, x, y } as JWK)
  return {
    kid,
    alg: SIGNING_ALG,
    privateKey,
    publicJwk: { kty, crv, x, y, kid, alg: SIGNING_ALG, use: 'sig' } as JWK,
  }
}

export async function createKeyRing(): Promise<KeyRing> {
  const [idp, workload, rogue, agentDpop, thiefDpop] = await Promise.all(
    Array.from({ length: 5 }, () => createSigningKey()),
  )
  return { idp: idp!, workload: workload!, rogue: rogue!, agentDpop: agentDpop!, thiefDpop: thiefDpop! }
}

/** A JWKS (RFC 7517 §5) of the given keys' public halves. */
export function publicJwks(...keys: SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => key.publicJwk) }
}
