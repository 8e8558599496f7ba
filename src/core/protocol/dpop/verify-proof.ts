// Checks a DPoP proof against the request it came with, in the order RFC 9449 §4.3 lists the checks.
import { errors, jwtVerify, type JWK } from 'jose'
import type { Result } from '../errors/oauth-error.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkProofClaims } from './check-proof-claims.ts'
import type { NonceStore } from './nonce-store.ts'
import { embeddedKey } from './embedded-key.ts'
import { refusedAlgorithm } from './proof-algorithms.ts'
import { DPOP_CHECKS as C, proofRecorder } from './proof-checks.ts'
import { missingProofMember } from './proof-shape.ts'
import type { ReplayCache } from './replay-cache.ts'

export interface DpopVerifyOptions {
  /** The DPoP header values found on the request (0, 1 or more). */
  proofs: string[]
  /** The actual request method and URL. */
  htm: string
  htu: string
  nowSeconds: number
  /** How old `iat` may be, in seconds. Default 300. */
  maxAgeSeconds?: number
  /** How far ahead of our clock `iat` may be, in seconds. Default 60. */
  futureSkewSeconds?: number
  /** Accepted `alg` values. Default `DPOP_ALGORITHMS`; `none` and HMAC are refused whatever this says. */
  algorithms?: string[]
  /** When present, `ath` is required and must equal `accessTokenHash(accessToken)`. */
  accessToken?: string
  replay: ReplayCache
  /** When present, a valid `nonce` claim is required, else `use_dpop_nonce`. */
  nonce?: { store: NonceStore }
  /** 400 at the token endpoint, 401 at a resource server. */
  status: 400 | 401
  log: CheckLog
}

export interface VerifiedDpopProof {
  /** RFC 7638 thumbprint of the proof's public key: what `cnf.jkt` binds to. */
  jkt: string
  jwk: JWK
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

// Members that only a private (or symmetric) JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv']

/**
 * Verifies the DPoP proof of one request. Never throws for a bad proof: every refusal is an
 * `invalid_dpop_proof` (or `use_dpop_nonce`) error, and every check, passed or failed, goes to `log`.
 * The key binding to an access token's `cnf.jkt` is left to the caller, which compares it with `jkt`.
 * @see RFC 9449 §4.3
 * @see RFC 9449 §11.1
 */
export async function verifyDpopProof(options: DpopVerifyOptions): Promise<Result<VerifiedDpopProof>> {
  const { pass, refuse } = proofRecorder(options.log, options.status)

  const [proof, ...others] = options.proofs
  if (proof === undefined) {
    return refuse(
      C.single,
      'dpop.missing',
      'DPoP proof is missing',
      'The request has no "DPoP" header, so nothing proves the sender holds a key.',
    )
  }
  if (others.length > 0) {
    return refuse(
      C.single,
      'dpop.multiple_proofs',
      'Multiple "DPoP" headers',
      `The request carries ${options.proofs.length} DPoP proofs; exactly one is allowed, so there is no doubt which one counts.`,
    )
  }
  pass(C.single)

  // The same reader as for every other JWT here: three parts, canonical base64url, no duplicate names.
  const read = readCompactJws(proof, 'DPoP proof')
  if (!read.ok)
    return refuse(C.wellFormed, 'dpop.malformed', read.failure.description, read.failure.explanation)
  const { header, payload: unverifiedClaims } = read.value
  pass(C.wellFormed)

  // Presence and shape are checked on the still-unverified parts: refusing on them is safe, and the
  // signature check below covers the very same bytes before anything is accepted.
  const missing = missingProofMember(header, unverifiedClaims)
  if (missing) return refuse(C.required, 'dpop.missing_member', missing.description, missing.explanation)
  pass(C.required)

  // "application/dpop+jwt" names the same media type (RFC 7515 §4.1.9), and media types are case-insensitive.
  const typ = String(header.typ).toLowerCase()
  if (typ !== 'dpop+jwt' && typ !== 'application/dpop+jwt') {
    return refuse(
      C.typ,
      'dpop.typ',
      'DPoP proof "typ" must be "dpop+jwt"',
      `The header says "typ": "${String(header.typ)}". Only "dpop+jwt" marks a JWT as a DPoP proof, so no other JWT (an access token, an ID token) can pass for one.`,
    )
  }
  pass(C.typ, String(header.typ))

  const alg = String(header.alg)
  const refusal = refusedAlgorithm(alg, options.algorithms)
  if (refusal) return refuse(C.alg, refusal.reason, refusal.description, refusal.explanation)
  pass(C.alg, alg)

  // §4.3 (7) runs before (6): jose's EmbeddedJWK would refuse a private key too, but less clearly.
  const jwk = header.jwk as JWK
  const privateMembers = PRIVATE_JWK_MEMBERS.filter((name) => name in jwk)
  if (privateMembers.length > 0) {
    return refuse(
      C.publicJwk,
      'dpop.private_key',
      `DPoP proof "jwk" contains private key material ("${privateMembers.join('", "')}")`,
      'The "jwk" header must hold the public key only. This one carries private members, so the private key is exposed to anyone who sees the proof.',
    )
  }
  pass(C.publicJwk)

  let payload: Record<string, unknown>
  try {
    const currentDate = new Date(options.nowSeconds * 1000)
    payload = (await jwtVerify(proof, embeddedKey, { algorithms: [alg], typ: 'dpop+jwt', currentDate }))
      .payload
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return refuse(
        C.signature,
        'dpop.signature_invalid',
        'DPoP proof signature is invalid',
        'The signature was not made by the private key matching the "jwk" in the header: whoever made this proof does not hold that key, or the proof was altered.',
      )
    }
    return refuse(
      C.signature,
      'dpop.key_unusable',
      `DPoP proof "jwk" cannot verify an "${alg}" signature`,
      `The embedded key could not be used to check the signature (${(error as Error).message}).`,
    )
  }
  pass(C.signature)

  return checkProofClaims(options, { jwk, header, payload })
}
