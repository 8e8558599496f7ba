// Reads an RFC 8693 token exchange request off the wire and refuses anything malformed.
import { fail, ok, oauthError, type OAuthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { Refusal } from '../errors/refusal.ts'
import type { FormParams } from '../http/parse-form-body.ts'
import { readFormParams } from '../http/read-body-params.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { TOKEN_EXCHANGE_GRANT } from '../tokens/token-types.ts'
import { isScopeToken, parseScopeParam } from '../tokens/scope.ts'

export interface TokenExchangeRequest {
  subjectToken: string
  subjectTokenType: string
  actorToken: string | null
  actorTokenType: string | null
  requestedTokenType: string | null
  audiences: string[]
  resources: string[]
  /** Requested scope tokens, or null when `scope` was not sent. */
  scope: string[] | null
  clientId: string | null
  /** The playground's `requested_lifetime` extension, in seconds. */
  requestedLifetime: number | null
}

/** The largest body the token endpoint reads; real exchange requests are a few KiB. */
export const MAX_TOKEN_REQUEST_BYTES = 64 * 1024

/** `audience` and `resource` may repeat (RFC 8693 §2.1); nothing else may (RFC 6749 §3.2). */
const REPEATABLE = new Set(['audience', 'resource'])

const invalid = (param: string, reason: Reason, description: string, explanation?: string): OAuthError =>
  oauthError(reason, description, { param, ...(explanation === undefined ? {} : { explanation }) })

/** Non-empty values of a parameter: RFC 6749 §3.2 treats a parameter sent without a value as omitted. */
const valuesOf = (params: FormParams, name: string): string[] =>
  params.filter(([key, value]) => key === name && value !== '').map(([, value]) => value)

function findRepeated(params: FormParams): string | undefined {
  const counts = new Map<string, number>()
  for (const [name, value] of params) if (value !== '') counts.set(name, (counts.get(name) ?? 0) + 1)
  return [...counts].find(([name, count]) => count > 1 && !REPEATABLE.has(name))?.[0]
}

/** The parsing steps, as the check log names them; a failed step shows the section of its refusal. */
const STEPS = {
  form: { label: 'body is application/x-www-form-urlencoded' },
  body: { label: 'body is a well-formed form within the size limit' },
  grantType: { label: 'grant_type is token-exchange', spec: 'RFC 8693 §2.1' },
  params: { label: 'required parameters present, none repeated', spec: 'RFC 8693 §2.1, RFC 6749 §3.2' },
  scope: { label: 'scope tokens hold only the characters scope tokens may' },
  lifetime: { label: 'requested_lifetime is a positive whole number of seconds' },
} as const

/**
 * Parses and checks the form parameters of a token exchange request. Every refusal is recorded as a
 * failed check, so a request refused while parsing (a repeated `scope`) still shows why.
 * @see RFC 8693 §2.1, RFC 6749 §3.2, §3.3, RFC 8707 §2
 */
export async function parseTokenRequest(
  request: Request,
  log: CheckLog,
): Promise<Result<TokenExchangeRequest, Refusal>> {
  const record = checkRecorder(log)
  // The wire description is what a parsing check shows: it quotes the parameter at fault.
  const refused = (step: { label: string }, error: Refusal) =>
    fail(record.refuse({ label: step.label }, error, error.description))
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded')
    return refused(
      STEPS.form,
      invalid(
        'Content-Type',
        'request.content_type',
        `Content-Type must be application/x-www-form-urlencoded, not "${type || 'none'}"`,
        'Token requests are sent as an HTML form body; the endpoint does not read JSON or other formats.',
      ),
    )
  const parsed = await readFormParams(request, MAX_TOKEN_REQUEST_BYTES)
  if (!parsed.ok) return refused(STEPS.body, parsed.error)
  const params = parsed.value

  const repeated = findRepeated(params)
  if (repeated !== undefined)
    return refused(
      STEPS.params,
      invalid(
        repeated,
        'request.repeated_param',
        `"${repeated}" is included more than once`,
        'Each parameter may appear only once, so the server never has to guess which copy the client meant.',
      ),
    )
  const get = (name: string): string | null => valuesOf(params, name)[0] ?? null
  const grantType = get('grant_type')
  if (grantType === null)
    return refused(STEPS.params, invalid('grant_type', 'request.missing_param', '"grant_type" is required'))
  if (grantType !== TOKEN_EXCHANGE_GRANT)
    return refused(
      STEPS.grantType,
      invalid(
        'grant_type',
        'grant.unsupported_type',
        `"grant_type" ${grantType} is not supported`,
        `This endpoint only performs token exchange (${TOKEN_EXCHANGE_GRANT}).`,
      ),
    )
  record.pass(STEPS.grantType)

  const subjectToken = get('subject_token')
  const subjectTokenType = get('subject_token_type')
  if (subjectToken === null)
    return refused(
      STEPS.params,
      invalid('subject_token', 'request.missing_param', '"subject_token" is required'),
    )
  if (subjectTokenType === null)
    return refused(
      STEPS.params,
      invalid('subject_token_type', 'request.missing_param', '"subject_token_type" is required'),
    )
  const actorToken = get('actor_token')
  const actorTokenType = get('actor_token_type')
  if (actorToken !== null && actorTokenType === null)
    return refused(
      STEPS.params,
      invalid(
        'actor_token_type',
        'request.missing_param',
        '"actor_token_type" is required when "actor_token" is present',
      ),
    )
  if (actorToken === null && actorTokenType !== null)
    return refused(
      STEPS.params,
      invalid(
        'actor_token_type',
        'request.unexpected_param',
        '"actor_token_type" must not be sent without "actor_token"',
      ),
    )
  record.pass(STEPS.params)

  const scopeParam = get('scope')
  const scope = parseScopeParam(scopeParam)
  const badScope = scope?.find((token) => !isScopeToken(token))
  if (badScope !== undefined)
    return refused(
      STEPS.scope,
      invalid(
        'scope',
        'scope.malformed',
        `Scope token "${badScope}" contains a character scope tokens cannot hold`,
        'Scope tokens are printable ASCII without spaces, quotes or backslashes.',
      ),
    )

  const lifetime = get('requested_lifetime')
  const requestedLifetime = lifetime === null ? null : Number(lifetime)
  if (requestedLifetime !== null && !(Number.isSafeInteger(requestedLifetime) && requestedLifetime > 0))
    return refused(
      STEPS.lifetime,
      invalid(
        'requested_lifetime',
        'request.invalid_lifetime',
        `"requested_lifetime" must be a positive whole number of seconds, not "${lifetime}"`,
      ),
    )

  return ok({
    subjectToken,
    subjectTokenType,
    actorToken,
    actorTokenType,
    requestedTokenType: get('requested_token_type'),
    audiences: valuesOf(params, 'audience'),
    resources: valuesOf(params, 'resource'),
    scope,
    clientId: get('client_id'),
    requestedLifetime,
  })
}
