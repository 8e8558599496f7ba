// Turns what the Node adapter hands over into the Request the core sees: on the public URL, with a size-capped body.
import { httpError, type HttpError } from '../src/core/protocol/errors/http-error.ts'
import { fail, ok, type Result } from '../src/core/protocol/errors/oauth-error.ts'

/** Headers that describe the old body's framing, not the buffered copy the core receives. */
const FRAMING = ['content-length', 'transfer-encoding']

const tooLarge = (maxBytes: number) =>
  fail<Request, HttpError>(
    httpError(
      'http.content_too_large',
      `Body exceeds ${maxBytes} bytes`,
      'No request to this sandbox needs a body that large, so it stops reading.',
    ),
  )

/**
 * The request as the core should see it. Its URL is rebased onto `baseUrl`, the URL clients are told to
 * use, so DPoP `htu` checks compare against that URL however a proxy rewrote the Host. Its body is read
 * up to `maxBytes`: a larger Content-Length is refused before reading, and a body that streams past the
 * limit is refused as soon as it does, so no request is ever buffered unbounded.
 * @see RFC 9449 §4.3 (9) (htu is the URL the client used)
 * @see RFC 9110 §15.5.14 (413 Content Too Large)
 */
export async function boundedRequest(
  request: Request,
  baseUrl: string,
  maxBytes: number,
): Promise<Result<Request, HttpError>> {
  const incoming = new URL(request.url)
  const url = new URL(`${incoming.pathname}${incoming.search}`, baseUrl)
  const headers = new Headers(request.headers)
  for (const name of FRAMING) headers.delete(name)
  if (request.method === 'GET' || request.method === 'HEAD')
    return ok(new Request(url, { method: request.method, headers }))

  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes)
  const chunks: Uint8Array[] = []
  let total = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        // Stop pulling; the adapter drains or drops the rest of the upload after the 413 is sent.
        reader.releaseLock()
        return tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return ok(new Request(url, { method: request.method, headers, body }))
}
