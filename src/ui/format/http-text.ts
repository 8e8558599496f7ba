// Presentation helpers for HTTP snapshots: raw HTTP/1.1 text, curl, the request target and reason phrases.
import type { HttpRequestSnapshot } from '../../core/protocol/index.ts'

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

/** A piece of a value as shown: plain text, or the visible escape of one control character. */
export interface VisibleSegment {
  text: string
  escaped: boolean
}

// C0 and C1 controls, DEL, and the invisible characters that move or reorder text: line and paragraph
// separators, bidi marks, embeddings, overrides and isolates (the "Trojan Source" set), and the BOM.
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

const escapeControl = (char: string): string =>
  NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

/**
 * A value split into plain text and escaped control characters, so a view can draw `\n` or `\u0000`
 * visibly (and styled apart from typed text) instead of letting the character break a line or reorder
 * what follows. What was sent is what is shown: a `client_id` holding `\nscope=admin:org` stays one line.
 */
export function visibleText(value: string): VisibleSegment[] {
  const segments: VisibleSegment[] = []
  let from = 0
  for (const match of value.matchAll(CONTROL)) {
    if (match.index > from) segments.push({ text: value.slice(from, match.index), escaped: false })
    segments.push({ text: escapeControl(match[0]), escaped: true })
    from = match.index + 1
  }
  if (from < value.length) segments.push({ text: value.slice(from), escaped: false })
  return segments
}
