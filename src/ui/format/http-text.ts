// Presentation helpers for HTTP snapshots: raw HTTP/1.1 text, curl, the request target and reason phrases.
import type { HttpRequestSnapshot } from '../../core/protocol/http/http-snapshot.ts'

/** `Host` plus the request target, read from the snapshot's absolute URL. */
export function requestTarget(request: HttpRequestSnapshot): { host: string; path: string } {
  try {
    const url = new URL(request.url)
    return { host: url.host, path: `${url.pathname}${url.search}` }
  } catch {
    return { host: '', path: request.url }
  }
}

const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`

/** The same request as a curl command a reader can paste into a terminal. */
export function curlCommand(request: HttpRequestSnapshot): string {
  const parts = [`curl -X ${request.method} ${shellQuote(request.url)}`]
  for (const [name, value] of request.headers) parts.push(`  -H ${shellQuote(`${name}: ${value}`)}`)
  if (request.body) parts.push(`  --data-raw ${shellQuote(request.body)}`)
  return parts.join(' \\\n')
}

const REASON_PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
}

/** The status line, with the standard reason phrase when the snapshot has none (fetch Responses rarely do). */
export function statusLine(status: number, statusText: string): string {
  return `HTTP/1.1 ${status} ${statusText || REASON_PHRASES[status] || ''}`.trimEnd()
}

/** A header's value, matched case-insensitively, or null. */
export function headerValue(headers: [string, string][], name: string): string | null {
  const lower = name.toLowerCase()
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1] ?? null
}
