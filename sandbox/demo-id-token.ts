// TEST ONLY: the user's ID token, as the IdP would issue it after a passkey sign-in.
import { refusalResponse } from '../src/core/protocol/errors/refusal.ts'
import { z } from 'zod'
import { epochSeconds, type Clock } from '../src/core/protocol/clock.ts'
import { oauthErrorResponse } from '../src/core/protocol/errors/error-response.ts'
import { httpError, httpErrorResponse } from '../src/core/protocol/errors/http-error.ts'
import { oauthError } from '../src/core/protocol/errors/oauth-error.ts'
import type { FetchHandler } from '../src/core/protocol/http/http-snapshot.ts'
import { readBodyParams } from '../src/core/protocol/http/read-body-params.ts'
import { mintIdToken } from '../src/core/protocol/id-jag/mint-id-token.ts'
import type { SigningKey } from '../src/core/protocol/keys/key-ring.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'

const ID_TOKEN_TTL = 3600
const name = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
const schema = z.strictObject({
  sub: name,
  /** Space-separated RFC 8176 values; a passkey by default. */
  amr: z
    .string()
    .max(256)
    .regex(/^[a-z0-9 ]*$/)
    .optional(),
  /** When the user signed in, in seconds since the epoch; now by default. */
  auth_time: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,12}$/)
        .transform(Number),
    ])
    .optional(),
  /** The client the user signed in to: the ID token's `aud`. */
  client_id: name.default('a_code_reviewer'),
})

export interface DemoIdTokenOptions {
  issuer: string
  idpKey: SigningKey
  clock: Clock
}

/**
 * TEST ONLY. Mints an ID token for any `sub` (optionally `amr`, `auth_time` and `client_id`), signed with
 * the IdP's key: a real IdP issues one only after the user signs in.
 * @see OpenID Connect Core 1.0 §2, RFC 8176
 */
export function createDemoIdTokenIssuer(options: DemoIdTokenOptions): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST')
      return httpErrorResponse(
        httpError('http.method_not_allowed', `Method ${request.method} is not allowed; use POST`),
        {
          allow: 'POST',
        },
      )
    const params = await readBodyParams(request, { json: true, maxBytes: 16 * 1024 })
    if (!params.ok) return refusalResponse(params.error)
    const parsed = schema.safeParse(params.value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const description = `"${issue.path.join('.') || 'body'}" ${issue.message}`
      return oauthErrorResponse(oauthError('demo.invalid_parameter', description))
    }
    const now = epochSeconds(options.clock)
    const { sub, amr, auth_time, client_id } = parsed.data
    const idToken = await mintIdToken(options.idpKey, {
      issuer: options.issuer,
      sub,
      audience: client_id,
      amr: amr === undefined ? ['hwk', 'user'] : amr.split(' ').filter(Boolean),
      authTime: auth_time ?? now,
      iat: now,
      ttl: ID_TOKEN_TTL,
    })
    return new Response(
      JSON.stringify({ id_token: idToken, subject_token_type: TOKEN_TYPE.idToken, expires_in: ID_TOKEN_TTL }),
      { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
    )
  }
}
