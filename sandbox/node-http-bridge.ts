// Serves the sandbox over node:http: Node's request becomes the one web Request the core sees, and the
// core's Response is written back to Node's response.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail, ok, type Result } from '../src/core/protocol/errors/oauth-error.ts'
import type { HttpError } from '../src/core/protocol/errors/http-error.ts'
import { tooLarge } from './bounded-request.ts'
import type { RequestHead, Sandbox } from './create-sandbox.ts'

type Served = Pick<Sandbox, 'serve' | 'maxBodyBytes'>

/**
 * The request target's path and query (RFC 9112 §3.2): origin-form (`/path?query`) or absolute-form
 * (`http://host/path`, whose host is ignored: the sandbox answers for its base URL only). Anything else
 * (`*`, authority-form) is null. Parsed on a fixed origin, so `//x` stays a path, never a host.
 */
function pathAndQuery(target: string): { pathname: string; search: string } | null {
  try {
    if (target.startsWith('/')) return new URL(`http://sandbox${target}`)
    if (target.startsWith('http://') || target.startsWith('https://')) return new URL(target)
  } catch {
    // Not a URL: refused below like any other unusable target.
  }
  return null
}

/** Every header field as sent, repeats kept (appended), so "exactly one DPoP header" can be checked. */
function webHeaders(raw: string[]): Headers {
  const headers = new Headers()
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    // The buffered body the core gets is framed by itself; the old framing means nothing to it.
    if (name === 'content-length' || name === 'transfer-encoding') continue
    headers.append(name, raw[i + 1]!)
  }
  return headers
}

/**
 * Reads the body, at most `maxBytes`: a larger Content-Length is refused before reading, and a chunked
 * body is refused as soon as it passes the limit, so nothing is ever buffered unbounded.
 * @see RFC 9110 §15.5.14 (413 Content Too Large)
 */
function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Result<Buffer, HttpError>> {
  const declared = incoming.headers['content-length']
  if (declared !== undefined && Number(declared) > maxBytes)
    return Promise.resolve(tooLarge<Buffer>(maxBytes))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const stop = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', reject)
    }
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength
      chunks.push(chunk)
      if (total <= maxBytes) return
      // Stop reading, without destroying the socket: the 413 (with `connection: close`) is still sent.
      stop()
      incoming.pause()
      resolve(tooLarge<Buffer>(maxBytes))
    }
    const onEnd = () => {
      stop()
      resolve(ok(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)))
    }
    incoming.on('data', onData).on('end', onEnd).on('error', reject)
  })
}

/** The response's header fields for `writeHead`, Set-Cookie kept as separate fields. */
function nodeHeaders(response: Response, bodyLength: number | null): string[] {
  const fields: string[] = []
  for (const [name, value] of response.headers) if (name !== 'set-cookie') fields.push(name, value)
  for (const cookie of response.headers.getSetCookie()) fields.push('set-cookie', cookie)
  if (bodyLength !== null && !response.headers.has('content-length'))
    fields.push('content-length', String(bodyLength))
  return fields
}

async function writeResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  // Every answer of the sandbox is a small JSON (or empty) body, so it is written in one piece.
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer())
  outgoing.writeHead(response.status, nodeHeaders(response, body?.byteLength ?? null))
  // Node leaves the body out for HEAD itself.
  outgoing.end(body ?? undefined)
}

/**
 * The node:http request listener for a sandbox on `baseUrl`. Every request is rebased onto `baseUrl`,
 * the URL clients are told to use, so DPoP `htu` checks compare against that URL however a proxy
 * rewrote the Host (RFC 9449 §4.3 (9)). The request is routed on its method and path first; only a
 * request the sandbox serves has its body read. This replaces a general adapter that built a web
 * Request, which `boundedRequest` then copied, and read each Response back through a stream reader.
 */
export function nodeHttpBridge(sandbox: Served, baseUrl: string) {
  return (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    void (async () => {
      const target = pathAndQuery(incoming.url ?? '')
      const method = incoming.method ?? 'GET'
      if (target === null) {
        outgoing.writeHead(400, { 'content-length': 0, connection: 'close' }).end()
        return
      }
      const head: RequestHead = { method, pathname: target.pathname }
      const url = `${baseUrl}${target.pathname}${target.search}`
      const read = async (): Promise<Result<Request, HttpError>> => {
        const headers = webHeaders(incoming.rawHeaders)
        if (method === 'GET' || method === 'HEAD') return ok(new Request(url, { method, headers }))
        const body = await readBody(incoming, sandbox.maxBodyBytes)
        if (!body.ok) return fail(body.error)
        // A socket's chunks are Buffers over plain ArrayBuffers, never shared ones.
        return ok(new Request(url, { method, headers, body: body.value as Uint8Array<ArrayBuffer> }))
      }
      await writeResponse(outgoing, await sandbox.serve(head, read))
    })().catch((error: unknown) => {
      // A client gone mid-request, or a header value the web Headers refuse: nothing more to answer.
      if (!outgoing.headersSent && !outgoing.destroyed) {
        const status = error instanceof TypeError ? 400 : 500
        outgoing.writeHead(status, { 'content-length': 0, connection: 'close' }).end()
      } else outgoing.destroy()
    })
  }
}
