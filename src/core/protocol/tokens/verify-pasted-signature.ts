// Checks a pasted JWT's signature against a pasted JWK or JWKS, locally: no key is ever fetched.
import { compactVerify, createLocalJWKSet, errors, importJWK, type JWK } from 'jose'
import { z } from '../json/zod-mini.ts'

/** Asymmetric algorithms only: vendors sign with RS256 or ES256; `none` and shared secrets never verify here. */
export const INSPECT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
]

const jwkSchema = z.looseObject({ kty: z.enum(['RSA', 'EC', 'OKP']) })
const keyInput = z.union([
  z.object({ keys: z.array(jwkSchema).check(z.minLength(1), z.maxLength(100)) }),
  jwkSchema,
])

export type SignatureCheck =
  | { ok: true; alg: string; kid: string | null }
  | {
      ok: false
      reason: 'signature.key_invalid' | 'signature.no_matching_key' | 'signature.invalid'
      message: string
    }

/**
 * Verifies only the signature: the pasted key (one JWK, or a JWKS picked from by `kid` and `alg`) must
 * verify the token's JWS. Claims such as `exp` are shown, not enforced: the question is who signed it.
 * @see RFC 7515 §5.2, RFC 7517 §4, §5
 */
export async function verifyPastedSignature(token: string, keyText: string): Promise<SignatureCheck> {
  let parsed: unknown
  try {
    parsed = JSON.parse(keyText)
  } catch {
    return {
      ok: false,
      reason: 'signature.key_invalid',
      message: 'The key is not JSON: paste a JWK or a JWKS.',
    }
  }
  const input = keyInput.safeParse(parsed)
  if (!input.success)
    return {
      ok: false,
      reason: 'signature.key_invalid',
      message: 'Paste a public JWK (kty RSA, EC or OKP) or a JWKS ({"keys": [...]}).',
    }
  try {
    const keys = 'keys' in input.data ? input.data : null
    const verified = keys
      ? await compactVerify(token.trim(), createLocalJWKSet(keys as { keys: JWK[] }), {
          algorithms: INSPECT_ALGORITHMS,
        })
      : await compactVerify(token.trim(), (header) => importJWK(input.data as JWK, header.alg), {
          algorithms: INSPECT_ALGORITHMS,
        })
    return { ok: true, alg: verified.protectedHeader.alg, kid: verified.protectedHeader.kid ?? null }
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey)
      return {
        ok: false,
        reason: 'signature.no_matching_key',
        message: 'No key in that JWKS matches the token’s kid and alg.',
      }
    if (error instanceof errors.JOSEAlgNotAllowed)
      return {
        ok: false,
        reason: 'signature.invalid',
        message: `Only ${INSPECT_ALGORITHMS.join(', ')} are accepted.`,
      }
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return {
        ok: false,
        reason: 'signature.invalid',
        message: 'The signature does not verify with that key.',
      }
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      reason: 'signature.key_invalid',
      message: `The key cannot verify this token: ${detail}`,
    }
  }
}
