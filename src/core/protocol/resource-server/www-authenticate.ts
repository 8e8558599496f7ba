// The WWW-Authenticate challenges a resource server answers with, shaped like RFC 9449 §7.1 and RFC 6750 §3.
import type { OAuthError } from '../errors/oauth-error.ts'

export type AuthScheme = 'Bearer' | 'DPoP'

/** What a challenge has to say: the error (null when the request had no credentials at all). */
export interface ChallengeInput {
  error: OAuthError | null
  /** The scheme the client used, if any: the error goes in that scheme's challenge. */
  scheme: AuthScheme | null
  /** DPoP algorithms this server accepts, for the `algs` parameter (RFC 9449 §7.1). */
  algs: readonly string[]
  /** The scope the request needed, for `insufficient_scope` (RFC 6750 §3). */
  scope?: string
  /** The protected resource metadata URL, offered in every challenge (RFC 9728 §5.1). */
  resourceMetadata?: string
}

/**
 * A quoted-string (RFC 9110 §5.6.4). Only %x20-7E survive, as RFC 6750 §3 allows in `error_description`:
 * CR and LF are dropped so no value can start a new header, other characters become `?` (a header value
 * can't carry them), and `"` and `\` are escaped.
 * @see RFC 9110 §5.6.4
 * @see RFC 6750 §3
 */
export function quoteParam(value: string): string {
  const printable = value.replace(/[\r\n]/g, '').replace(/[^\x20-\x7e]/g, '?')
  return `"${printable.replace(/[\\"]/g, (char) => `\\${char}`)}"`
}

const challenge = (scheme: AuthScheme, params: [string, string | undefined][]): string => {
  const rendered = params.flatMap(([name, value]) =>
    value === undefined ? [] : [`${name}=${quoteParam(value)}`],
  )
  return rendered.length === 0 ? scheme : `${scheme} ${rendered.join(', ')}`
}

/**
 * The `WWW-Authenticate` value for a refusal. Both schemes are offered, as a server supporting both
 * does in RFC 9449 Figs. 17–19; the error goes into the challenge of the scheme the client used.
 * Without credentials no error code is sent (RFC 6750 §3.1): `Bearer, DPoP algs="ES256 PS256"`.
 * With `resourceMetadata`, each challenge also names the RFC 9728 metadata URL.
 * @see RFC 9449 §7.1
 * @see RFC 9449 §7.2
 * @see RFC 6750 §3
 * @see RFC 9728 §5.1
 */
export function wwwAuthenticate({ error, scheme, algs, scope, resourceMetadata }: ChallengeInput): string {
  const algsParam: [string, string] = ['algs', algs.join(' ')]
  const metadata: [string, string | undefined] = ['resource_metadata', resourceMetadata]
  if (error === null) return `${challenge('Bearer', [metadata])}, ${challenge('DPoP', [algsParam, metadata])}`

  const errorParams: [string, string | undefined][] = [
    ['error', error.code],
    ['error_description', error.description],
    ['scope', scope],
    metadata,
  ]
  // Both schemes at once (Fig. 19): each challenge carries the error, since neither scheme was "the" one.
  if (scheme === null) {
    return `${challenge('Bearer', errorParams)}, ${challenge('DPoP', [algsParam, ...errorParams])}`
  }
  if (scheme === 'Bearer') return `${challenge('Bearer', errorParams)}, ${challenge('DPoP', [algsParam])}`
  // A nonce challenge is about the proof, not the algorithms: Fig. 24 sends no `algs`.
  const withAlgs = error.code === 'use_dpop_nonce' ? [] : [algsParam]
  return challenge('DPoP', [...errorParams, ...withAlgs])
}
