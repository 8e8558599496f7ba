// Reads a request body sent as a form (or, where allowed, as JSON) into one flat parameter object.
import { httpError, type HttpError } from '../errors/http-error.ts'
import { fail, ok, oauthError, type OAuthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { Refusal } from '../errors/refusal.ts'
import { parseFormBody, type FormParams } from './parse-form-body.ts'

export type BodyParams = Record<string, unknown>

export interface ReadBodyOptions {
  /** Also accept `application/json` (an object at the top level). Forms are always accepted. */
  json: boolean
  /** The largest body read, in bytes of UTF-8 text. */
  maxBytes: number
}

const FORM = 'application/x-www-form-urlencoded'
const invalid = (reason: Reason, description: string) => fail<BodyParams>(oauthError(reason, description))

/** The media type without parameters, lowercased (RFC 9110 §8.3.1). */
export const mediaType = (request: Request): string =>
  (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/**
 * Reads the body's parameters. A form parameter sent twice is refused, and one sent empty counts as
 * omitted, as RFC 6749 §3.2 has it for OAuth endpoints. Every refusal is an `invalid_request` error that
 * says what was wrong, except a body over `maxBytes`: that is an `HttpError` (413 Content Too Large).
 * @see RFC 6749 §3.2
 * @see RFC 8259 §4
 */
export async function readBodyParams(
  request: Request,
  options: ReadBodyOptions,
): Promise<Result<BodyParams, Refusal>> {
  const type = mediaType(request)
  const isJson = options.json && (type === 'application/json' || type.endsWith('+json'))
  if (type !== FORM && !isJson) {
    const accepted = options.json ? `${FORM} or application/json` : FORM
    return invalid('request.content_type', `Content-Type must be ${accepted}, not "${type || 'none'}"`)
  }
  const body = await readBodyText(request, options.maxBytes)
  // A body over the limit is a plain HTTP failure (413), not an OAuth refusal: no OAuth rule was broken.
  if (!body.ok) return body
  if (isJson) return readJson(body.value)

  const parsed = parseFormBody(body.value)
  if (!parsed.ok) return parsed
  const params: BodyParams = {}
  for (const [name, value] of parsed.value) {
    if (value === '') continue
    if (Object.hasOwn(params, name))
      return invalid('request.repeated_param', `"${name}" is included more than once`)
    // defineProperty, so a parameter named "__proto__" is just a parameter, never the object's prototype.
    Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true })
  }
  return ok(params)
}

/**
 * The body as UTF-8 text, refused with 413 when it is over `maxBytes`: the one size rule of every
 * endpoint here, counted in bytes as sent, never in decoded characters.
 * @see RFC 9110 §15.5.14
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<Result<string, HttpError>> {
  // Counted on the bytes as sent: decoding first would drop a byte order mark and re-encode the whole body.
  const bytes = await request.arrayBuffer()
  if (bytes.byteLength > maxBytes)
    return fail(
      httpError(
        'http.content_too_large',
        `Body exceeds ${maxBytes} bytes`,
        'The request body is far larger than any request to this endpoint needs, so the endpoint refuses to read it.',
      ),
    )
  // What request.text() does: UTF-8, invalid sequences replaced, a leading byte order mark dropped.
  return ok(new TextDecoder().decode(bytes))
}

/**
 * A form body's parameters in the order sent, repeats kept, read under the one size rule: a body over
 * it is a plain HTTP 413, anything malformed an OAuth `invalid_request`.
 * @see RFC 6749 §3.2, Appendix B
 */
export async function readFormParams(
  request: Request,
  maxBytes: number,
): Promise<Result<FormParams, Refusal>> {
  const body = await readBodyText(request, maxBytes)
  return body.ok ? parseFormBody(body.value) : body
}

function readJson(body: string): Result<BodyParams, OAuthError> {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    return invalid(
      'request.malformed_json',
      body.trim() === ''
        ? 'The JSON body is empty'
        : `The body is not valid JSON (${(error as Error).message})`,
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return invalid('request.json_not_object', 'The JSON body must be an object of parameters')
  return ok(value as BodyParams)
}
