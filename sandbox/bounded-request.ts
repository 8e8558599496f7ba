// Turns what the Node adapter hands over into the Request the core sees: on the public URL, with a size-capped body.
import { httpError, type HttpError } from '../src/core/protocol/errors/http-error.ts'
import { fail, ok, type Result } from '../src/core/protocol/errors/oauth-error.ts'

/** Headers that describe the old body's framing, not the buffered copy the core receives. */
const FRAMING = ['content-length', 'transfer-encoding']

/** The one refusal of a body over the limit, from whichever path read it. */
export const tooLarge = <T = Request>(maxBytes: number) =>
  fail<T, HttpError>(
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
  const rebased = (body?: Uint8Array<ArrayBuffer>) => {
    // The new Request copies the headers; the copy is the one to drop the framing from.
    const copy = new Request(url, {
      method: request.method,
      headers: request.headers,
      ...(body ? { body } : {}),
    })
    for (const name of FRAMING) copy.headers.delete(name)
    return ok(copy)
  }
  if (request.method === 'GET' || request.method === 'HEAD') return rebased()

  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes)
  if (declared !== null && !request.headers.has('transfer-encoding')) {
    // A declared length frames the body (RFC 9112 §6.3): Node's parser hands over exactly that many bytes,
    // already checked against the limit, so the body is read in one go. Over HTTP this is the adapter's
    // direct read of the socket, without the web-stream wrapping the chunked path below needs.
    const body = new Uint8Array(await request.arrayBuffer())
    return body.byteLength > maxBytes ? tooLarge(maxBytes) : rebased(body)
  }
  // No declared length (chunked): read chunk by chunk, and stop as soon as the limit is passed.
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
  return rebased(body)
}
