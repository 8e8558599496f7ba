// The header checks made before any signature check: typ, keys a token names itself, crit, alg and kid.
import type { JWK } from 'jose'
import { jwtFailure, type JwtFailure } from './jwt-failure.ts'

/**
 * Signature algorithms accepted for JWTs: asymmetric only, never `none`, never an HMAC.
 * @see RFC 8725 §3.1, §3.2
 */
export const JWS_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'PS256', 'EdDSA']

export interface JwtHeaderRules {
  /** What the token is called in messages: "subject_token", "Access token", … */
  name: string
  /** The required `typ`; "application/" may be left out and case is ignored (RFC 7515 §4.1.9). */
  typ: string
  issuer: string
  jwks: { keys: JWK[] }
  algorithms: readonly string[]
}

// Header parameters by which a token names or carries a key of its own (RFC 7515 §4.1.2 to §4.1.6).
const KEY_HEADERS: [string, string, (value: unknown) => string][] = [
  ['jwk', '§4.1.3', () => 'carries its own public key in "jwk"'],
  ['jku', '§4.1.2', (url) => `points to a key set of its choosing ("jku": ${JSON.stringify(url)})`],
  ['x5c', '§4.1.6', () => 'carries its own certificate chain in "x5c"'],
  ['x5u', '§4.1.5', (url) => `points to a certificate of its choosing ("x5u": ${JSON.stringify(url)})`],
]

const normalTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, '')

/**
 * The first header rule `header` breaks, or null. Runs before jose sees the token, so each refusal names
 * the trick: a token typed as another kind, a key of its own, an extension nobody here understands,
 * `none`, an HMAC, an algorithm its key was not published for, a `kid` the issuer never published.
 * Keys only ever come from `rules.jwks`.
 * @see RFC 8725 §3.1, §3.10, §3.11
 * @see RFC 7515 §4.1.11
 */
export function checkJwtHeader(header: Record<string, unknown>, rules: JwtHeaderRules): JwtFailure | null {
  const { name } = rules
  if (typeof header.typ !== 'string' || normalTyp(header.typ) !== normalTyp(rules.typ))
    return jwtFailure(
      'typ',
      'RFC 8725 §3.11',
      `${name} "typ" must be "${rules.typ}", ${header.typ === undefined ? 'but it is missing' : `not ${JSON.stringify(header.typ)}`}`,
      `The header says "typ": ${JSON.stringify(header.typ ?? null)}, and only "${rules.typ}" is accepted here. Explicit typing keeps one kind of JWT from passing for another, so a DPoP proof, an ID token or another JWT can't be spent as this one.`,
    )

  for (const [parameter, section, says] of KEY_HEADERS) {
    if (!Object.hasOwn(header, parameter)) continue
    return jwtFailure(
      'header',
      `RFC 8725 §3.10, RFC 7515 ${section}`,
      `${name} header "${parameter}" is not accepted`,
      `The token ${says(header[parameter])}. Keys come only from the key set this server already holds for ${rules.issuer}: a key the token brings or points to would let its author sign anything and vouch for it, so it is refused, never used.`,
    )
  }

  if (Object.hasOwn(header, 'crit')) {
    const names = Array.isArray(header.crit) ? header.crit.map((value) => JSON.stringify(value)) : []
    return jwtFailure(
      'crit',
      'RFC 7515 §4.1.11',
      names.length > 0
        ? `${name} header "crit" names ${names.join(', ')}, which this server does not understand`
        : `${name} header "crit" is malformed`,
      `"crit" lists header parameters a recipient must understand and process, or else reject the token. This server implements no JWS extensions, so it refuses the token rather than ignore ${names.join(', ') || 'them'}.`,
    )
  }

  const alg = header.alg
  if (typeof alg !== 'string' || !rules.algorithms.includes(alg)) {
    const why =
      typeof alg !== 'string'
        ? 'the header names no algorithm'
        : alg.toLowerCase() === 'none'
          ? '"none" is refused because an unsigned token proves nothing: anyone could have written it'
          : /^HS\d+$/i.test(alg)
            ? `"${alg}" is refused because an HMAC would need a secret shared with every verifier, and an attacker who uses the issuer's public key as that "secret" could sign anything a confused verifier accepts (key confusion)`
            : `"${alg}" is not one of them`
    return jwtFailure(
      'alg',
      'RFC 8725 §3.1, §3.2',
      `${name} "alg" ${JSON.stringify(alg ?? null)} is not accepted`,
      `Only ${rules.algorithms.join(', ')} are accepted; ${why}.`,
    )
  }

  const kid = header.kid
  if (kid === undefined) return null
  const named = rules.jwks.keys.filter((jwk) => jwk.kid === kid)
  if (named.length === 0)
    return jwtFailure(
      'key',
      'RFC 7515 §4.1.4, RFC 8725 §3.10',
      `${name} "kid" matches no key of the issuer`,
      `The key set of ${rules.issuer} has no key ${JSON.stringify(kid)}, so the issuer did not sign this token. Keys come only from that set, never from the token itself.`,
    )
  const published = named.map((jwk) => jwk.alg)
  if (!published.some((keyAlg) => keyAlg === undefined || keyAlg === alg))
    return jwtFailure(
      'alg',
      'RFC 8725 §3.1',
      `${name} "alg" "${alg}" is not the algorithm of its key`,
      `Key ${JSON.stringify(kid)} is published for ${published.join(', ')} only, and each key must be used with exactly one algorithm: a signature relabelled as "${alg}" is refused before any check.`,
    )
  return null
}
