// What a vulnerable chaining AS does with an actor token on a hop: verifies it, and nests the chain under its actor.
import type { JWK } from 'jose'
import { fail, ok, type Result } from '../errors/oauth-error.ts'
import { refusal } from '../errors/reasoned-error.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { verifyJwt } from '../tokens/verify-jwt.ts'
import { IDENTITY_CHAINING_DRAFT as DRAFT } from './chaining-spec.ts'

/**
 * Only when the `chain.act_spliced` defence is off (the playground's switch): the actor token is checked
 * as any JWT from a trusted workload issuer would be, and its actor becomes the newest in `act`
 * (RFC 8693 §4.1 nesting), so exactly the continuity rule is missing. A token from no trusted issuer, or
 * one that does not verify, is still refused.
 * @see draft-ietf-oauth-identity-chaining-16 §2.5
 * @see RFC 8693 §4.1
 */
export async function spliceActor(
  actorToken: string,
  act: unknown,
  /** The trusted workload issuers and their keys, and this AS (the token's `aud`). */
  trust: { issuers: Readonly<Record<string, { keys: JWK[] }>>; audience: string; nowSeconds: number },
): Promise<Result<Record<string, unknown>>> {
  const read = readCompactJws(actorToken, 'actor_token')
  const iss = read.ok ? read.value.payload.iss : undefined
  const jwks = typeof iss === 'string' ? trust.issuers[iss] : undefined
  const verified =
    typeof iss === 'string' && jwks
      ? await verifyJwt(actorToken, {
          name: 'actor_token',
          // A JWT-SVID, as the exchange's actor tokens are (RFC 8693 §2.1 with SPIFFE).
          typ: JWT_TYP.jwtSvid,
          issuer: iss,
          audience: trust.audience,
          jwks,
          nowSeconds: trust.nowSeconds,
        })
      : null
  if (!verified?.ok)
    return fail(
      refusal({
        code: 'invalid_request',
        status: 400,
        reason: 'chain.act_spliced',
        spec: { doc: DRAFT, section: '2.5' },
        description: verified ? verified.failure.description : '"actor_token" is from no trusted issuer',
        param: 'actor_token',
      }),
    )
  const { sub } = verified.payload
  return ok({ sub, iss, ...(typeof act === 'object' && act !== null ? { act } : {}) })
}
