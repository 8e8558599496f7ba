// Checks that a presented access token is used the way it is bound: DPoP-bound tokens only with a proof from their key.
import type { JWTPayload } from 'jose'
import type { NonceStore } from '../dpop/nonce-store.ts'
import type { ReplayCache } from '../dpop/replay-cache.ts'
import { verifyDpopProof } from '../dpop/verify-proof.ts'
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { dpopHeaderValues } from '../dpop/proof-header.ts'
import { RS_CHECKS as C } from './resource-checks.ts'
import type { AuthScheme } from './www-authenticate.ts'

export interface TokenBindingInput {
  /** The request: its method, URL and DPoP headers are what the proof must match (RFC 9449 §4.3). */
  request: Request
  scheme: AuthScheme
  token: string
  /** Claims of the access token, already verified. */
  claims: JWTPayload
  nowSeconds: number
  replay: ReplayCache
  dpopNonce?: NonceStore
  log: CheckLog
}

/**
 * A token with `cnf.jkt` must come under the DPoP scheme with a valid proof (with `ath`) signed by that
 * very key; a token without binding must not come under DPoP. Returns the bound `jkt`, or null for an
 * unbound Bearer token. A stolen token sent with the thief's own key fails here: "Invalid DPoP key binding".
 * @see RFC 9449 §7.1
 * @see RFC 9449 §7.2
 * @see RFC 9449 §4.3 (12)
 */
export async function checkTokenBinding(input: TokenBindingInput): Promise<Result<string | null>> {
  const { claims, scheme } = input
  const record = checkRecorder(input.log)
  const refuse = (reason: Reason, description: string, explanation: string, spec: string = C.binding.spec) =>
    fail<string | null>(
      record.refuse({ ...C.binding, spec }, oauthError(reason, description, { explanation })),
    )

  if (claims.cnf === undefined) {
    if (scheme === 'DPoP') {
      return refuse(
        'dpop.token_not_bound',
        'Access token is not DPoP-bound',
        'The "DPoP" scheme is for tokens bound to a key ("cnf.jkt"). This token has no binding, so a proof would prove nothing about it.',
        'RFC 9449 §7.1',
      )
    }
    record.pass(C.binding, 'unbound token under the Bearer scheme (RFC 6750)')
    return ok(null)
  }

  const boundJkt =
    typeof claims.cnf === 'object' && claims.cnf !== null
      ? (claims.cnf as Record<string, unknown>).jkt
      : undefined
  if (typeof boundJkt !== 'string') {
    return refuse(
      'dpop.cnf_unsupported',
      'Access token "cnf" has no "jkt"',
      'The token is bound by a confirmation method this server does not support; only DPoP key binding ("cnf.jkt") is.',
      'RFC 9449 §6.1',
    )
  }
  // A DPoP-bound token accepted as Bearer would skip the proof altogether: the downgrade §7.2 forbids.
  if (scheme === 'Bearer') {
    return refuse(
      'dpop.bearer_downgrade',
      'DPoP-bound access token sent with the "Bearer" scheme',
      'The token is bound to a key ("cnf.jkt"), so it must be sent as "Authorization: DPoP" with a proof from that key. As a Bearer token it would work for anyone who copied it.',
      'RFC 9449 §7.1, §7.2',
    )
  }

  const proof = await verifyDpopProof({
    proofs: dpopHeaderValues(input.request),
    htm: input.request.method,
    htu: input.request.url,
    nowSeconds: input.nowSeconds,
    accessToken: input.token,
    replay: input.replay,
    status: 401,
    log: record.log,
    ...(input.dpopNonce ? { nonce: { store: input.dpopNonce } } : {}),
  })
  if (!proof.ok) return proof
  const keyMatches = proof.value.jkt === boundJkt
  // With this defence off (the playground's switch), a vulnerable server takes any valid proof.
  if (!keyMatches) {
    const mismatch = oauthError('dpop.key_mismatch', 'Invalid DPoP key binding', {
      explanation: `The proof was signed by key ${proof.value.jkt}, but the token is bound to ${boundJkt} ("cnf.jkt"). The sender holds the token but not the key it was issued to: a stolen token.`,
    })
    // With this defence off (the playground's switch), a vulnerable server takes any valid proof.
    if (record.skipped(C.binding, mismatch, `proof key ${proof.value.jkt}`)) return ok(boundJkt)
    return fail(record.refuse(C.binding, mismatch))
  }
  record.pass(C.binding, boundJkt)
  return ok(boundJkt)
}
