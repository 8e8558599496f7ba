// Turns HTTP/1.1 request text (as typed in "Edit request") into a real Request, or says why it can't.
import { fail, ok, oauthError, type Result } from '../errors/oauth-error.ts'

const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/
// Set by the URL and the body, not by the text: a browser's fetch refuses to let a page set them.
const DERIVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding'])

const malformed = (description: string) =>
  fail<Request>(
    oauthError('request.unparseable_http', description, {
      explanation: `The edited text is not an HTTP request the IdP can receive: ${description}.`,
    }),
  )

/**
 * Parses request text: a request line, header lines, an empty line, then the body.
 * @see RFC 9112 §2.1, §3, §5
 */
export function parseRawRequest(text: string, defaultOrigin: string): Result<Request> {
  const normalized = text.replace(/\r\n/g, '\n')
  const split = normalized.indexOf('\n\n')
  const head = split === -1 ? normalized : normalized.slice(0, split)
  const body = split === -1 ? '' : normalized.slice(split + 2)
  const [requestLine = '', ...headerLines] = head.split('\n')
  const match = REQUEST_LINE.exec(requestLine.trim())
  if (!match)
    return malformed(
      `the first line must look like "POST /token HTTP/1.1", not "${requestLine.slice(0, 60)}"`,
    )
  const [, method = 'POST', target = '/'] = match

  const headers = new Headers()
  let host: string | null = null
  for (const line of headerLines) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return malformed(`header line "${line.slice(0, 60)}" has no name`)
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (name.toLowerCase() === 'host') host = value
    if (DERIVED_HEADERS.has(name.toLowerCase())) continue
    try {
      headers.append(name, value)
    } catch {
      return malformed(`header "${name.slice(0, 40)}" is not a valid HTTP header`)
    }
  }
  let url: URL
  try {
    url = new URL(target, host ? `https://${host}` : defaultOrigin)
  } catch {
    return malformed(`"${target.slice(0, 60)}" is not a valid request target`)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  try {
    return ok(new Request(url, { method, headers, ...(hasBody ? { body } : {}) }))
  } catch {
    return malformed(`method ${method} cannot be sent`)
  }
}

/** Renders a request snapshot as HTTP/1.1 text, the form "Edit request" starts from. */
export function formatRawRequest(request: {
  method: string
  url: string
  headers: [string, string][]
  body: string
}): string {
  const url = new URL(request.url)
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`]
  for (const [name, value] of request.headers) lines.push(`${canonicalName(name)}: ${value}`)
  return `${lines.join('\n')}\n\n${request.body}`
}

const canonicalName = (name: string) =>
  name.toLowerCase() === 'dpop'
    ? 'DPoP'
    : name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
