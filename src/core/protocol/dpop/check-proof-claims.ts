// The request-bound checks of a DPoP proof whose signature already verified: method, URL, nonce, time, token, replay.
import { fail, oauthError, ok, type Result } from '../errors/oauth-error.ts'
import { skipIfDefenceOff } from '../trace/defence-switch.ts'
import { DPOP_CHECKS as C, proofRecorder } from './proof-checks.ts'
import { accessTokenHash, jwkThumbprint } from './thumbprint.ts'
import type { DpopVerifyOptions, VerifiedDpopProof } from './verify-proof.ts'
import { checkRecorder } from '../trace/check-recorder.ts'

const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/**
 * Percent-encoding normalisation of RFC 3986 §6.2.2.1 and §6.2.2.2: an encoded unreserved character is
 * the character itself (`%74` is `t`), and the hex digits of any other encoding are upper case.
 * Reserved characters stay encoded: `%2F` is data, not a path separator.
 */
const normalisePercentEncoding = (path: string): string =>
  path.replace(/%[0-9A-Fa-f]{2}/g, (encoded) => {
    const char = String.fromCharCode(parseInt(encoded.slice(1), 16))
    return UNRESERVED.test(char) ? char : encoded.toUpperCase()
  })

/**
 * The request target as §4.3 (9) compares it, or null when `url` isn't an absolute URL.
 * @see RFC 9449 §4.3 (9): compared after syntax- and scheme-based normalisation (RFC 3986 §6.2.2, §6.2.3)
 */
const withoutQueryAndFragment = (url: string): string | null => {
  if (!URL.canParse(url)) return null
  // new URL() lower-cases scheme and host, drops the default port and removes dot-segments (RFC 3986
  // §6.2.2.1, §6.2.2.3, §6.2.3); percent-encodings it leaves as they are, so they are normalised here.
  const parsed = new URL(url)
  parsed.search = ''
  parsed.hash = ''
  parsed.pathname = normalisePercentEncoding(parsed.pathname)
  return parsed.href
}

/**
 * Steps (8) to (12) of RFC 9449 §4.3, then the `jti` replay check, on a proof whose shape and signature
 * were checked by `verifyDpopProof`. Replay comes last so that only otherwise valid proofs are remembered.
 * @see RFC 9449 §4.3
 * @see RFC 9449 §11.1
 */
export async function checkProofClaims(
  options: DpopVerifyOptions,
  proof: Omit<VerifiedDpopProof, 'jkt'>,
): Promise<Result<VerifiedDpopProof>> {
  const { pass, refuse } = proofRecorder(options.log, options.status)
  const { payload } = proof
  const { nowSeconds } = options

  // A server with this defence off (the playground's switch) records the check as skipped and goes on.
  const htmMatches = payload.htm === options.htm
  const htmSkipped =
    !htmMatches &&
    skipIfDefenceOff(options.log, 'dpop.htm_mismatch', C.htm, `proof for ${String(payload.htm)}`)
  if (!htmMatches && !htmSkipped) {
    return refuse(
      C.htm,
      'dpop.htm_mismatch',
      'DPoP proof "htm" does not match the request method',
      `The proof was made for ${String(payload.htm)} requests, but this request is ${options.htm}. A proof only counts for the method it names.`,
    )
  }
  if (htmMatches) pass(C.htm, options.htm)

  const proofTarget = withoutQueryAndFragment(String(payload.htu))
  const requestTarget = withoutQueryAndFragment(options.htu)
  if (proofTarget === null) {
    return refuse(
      C.htu,
      'dpop.htu_invalid',
      'DPoP proof "htu" is not a valid URL',
      `"${String(payload.htu)}" is not an absolute URL, so it can't name the request's target.`,
    )
  }
  const htuMatches = proofTarget === requestTarget
  const htuSkipped =
    !htuMatches && skipIfDefenceOff(options.log, 'dpop.htu_mismatch', C.htu, `proof for ${proofTarget}`)
  if (!htuMatches && !htuSkipped) {
    return refuse(
      C.htu,
      'dpop.htu_mismatch',
      'DPoP proof "htu" does not match the request URL',
      `The proof was made for ${proofTarget}, but this request went to ${requestTarget ?? options.htu} (query and fragment ignored). A proof captured for one endpoint can't be used at another.`,
    )
  }
  if (htuMatches) pass(C.htu, proofTarget)

  if (options.nonce) {
    // The token endpoint answers 400 (§8), a resource server 401 (§9); the descriptions are Figs. 20 and 24.
    const check = { ...C.nonce, spec: `${C.nonce.spec}, ${options.status === 400 ? '§8' : '§9'}` }
    const server = options.status === 400 ? 'Authorization server' : 'Resource server'
    if (typeof payload.nonce !== 'string') {
      return refuse(
        check,
        'dpop.nonce_required',
        `${server} requires nonce in DPoP proof`,
        'This server requires the nonce it sent in the "DPoP-Nonce" header in every proof, so proofs can\'t be made ahead of time. Retry with the nonce from this response.',
      )
    }
    if (!(await options.nonce.store.isValid(payload.nonce, nowSeconds))) {
      return refuse(
        check,
        'dpop.nonce_invalid',
        'DPoP proof "nonce" is invalid or expired',
        "The proof's nonce was not issued by this server or has expired. Retry with the nonce from this response.",
      )
    }
    pass(check, payload.nonce)
  } else pass(C.nonce, 'no nonce required by this server')

  const age = nowSeconds - (payload.iat as number)
  const maxAge = options.maxAgeSeconds ?? 300
  const futureSkew = options.futureSkewSeconds ?? 60
  if (age > maxAge) {
    return refuse(
      C.iat,
      'dpop.iat_too_old',
      'DPoP proof "iat" is too old',
      `The proof was made ${age} s ago, and this server accepts proofs up to ${maxAge} s old, so a captured proof can't be used later.`,
    )
  }
  if (-age > futureSkew) {
    return refuse(
      C.iat,
      'dpop.iat_in_future',
      'DPoP proof "iat" is in the future',
      `The proof claims to be made ${-age} s from now, beyond the ${futureSkew} s of clock skew tolerated, so proofs can't be made ahead of time.`,
    )
  }
  pass(C.iat, `${age} s old`)

  if (options.accessToken !== undefined) {
    if (typeof payload.ath !== 'string') {
      return refuse(
        C.ath,
        'dpop.ath_missing',
        'DPoP proof "ath" is required with an access token',
        'A proof sent with an access token must carry "ath", the hash of that token, so it can\'t be reused with another token.',
      )
    }
    if (payload.ath !== (await accessTokenHash(options.accessToken))) {
      return refuse(
        C.ath,
        'dpop.ath_mismatch',
        'DPoP proof "ath" does not match the access token',
        'The "ath" claim is the hash of a different access token: this proof was made for another token.',
      )
    }
    pass(C.ath, payload.ath)
  } else pass(C.ath, 'no access token presented')

  // The jwk was imported by jose during signature verification, so its thumbprint members are present.
  const jkt = await jwkThumbprint(proof.jwk)
  const jti = String(payload.jti)
  // Remembered until the last second its `iat` is accepted (checked above), so it is never forgotten
  // while the proof could still pass; after that the `iat` check refuses it.
  const expiresAt = (payload.iat as number) + maxAge + 1
  const verdict = await options.replay.checkAndRemember(`${jkt}:${jti}`, expiresAt, nowSeconds)
  if (verdict === 'full') {
    // Remembering this proof would mean forgetting one that is still live, which would reopen it to
    // replay, so the proof is refused instead, as a temporary condition the client may retry after.
    const error = oauthError('dpop.replay_cache_full', 'DPoP replay cache is full; retry later', {
      explanation: `This server remembers every accepted proof until its "iat" window closes, and it holds as many as it can. Forgetting one early would let it be replayed, so new proofs are refused until older ones expire (within ${maxAge + futureSkew} s).`,
    })
    return fail(checkRecorder(options.log).refuse(C.replay, error))
  }
  if (verdict === 'replayed' && skipIfDefenceOff(options.log, 'dpop.replayed', C.replay, `jti ${jti}`)) {
    return ok({ ...proof, jkt })
  }
  if (verdict === 'replayed') {
    return refuse(
      C.replay,
      'dpop.replayed',
      'DPoP proof "jti" has already been used',
      `A proof with "jti" ${jti} from this key was already accepted. Each proof is single-use, so a captured proof can't be replayed.`,
    )
  }
  pass(C.replay, jti)

  return ok({ ...proof, jkt })
}
