// An HTTP request or response as it went over the wire: start line, headers, and a readable body.
import type { ReactNode } from 'react'
import {
  type HttpRequestSnapshot,
  type HttpResponseSnapshot,
  parseFormBody,
} from '../../core/protocol/index.ts'
import { headerName } from '../format/header-name.ts'
import { requestTarget, statusLine } from '../format/http-text.ts'
import { JsonView } from './JsonView.tsx'
import { LongValue } from './LongValue.tsx'
import { VisibleText } from './VisibleText.tsx'

const BLOCK =
  'rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs/5 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-800 dark:bg-slate-950/60 dark:text-slate-200'

function HeaderLines({ headers }: { headers: [string, string][] }) {
  return headers.map(([name, value], i) => (
    <span key={`${name}-${i}`} className="block">
      <span className="text-sky-800 dark:text-sky-300">
        <VisibleText value={headerName(name)} />
      </span>
      : <LongValue value={value} name={`${headerName(name)} header`} />
    </span>
  ))
}

/** The request line, headers and the form body decoded one parameter per line. */
export function HttpRequestView({ request, label }: { request: HttpRequestSnapshot; label: string }) {
  const { host, path } = requestTarget(request)
  const form = parseFormBody(request.body)
  return (
    <pre role="group" aria-label={label} className={BLOCK}>
      <span className="block font-semibold">
        <VisibleText value={request.method} /> <VisibleText value={path} />{' '}
        <span className="text-slate-500">HTTP/1.1</span>
      </span>
      {host && (
        <span className="block">
          <span className="text-sky-800 dark:text-sky-300">Host</span>: <VisibleText value={host} />
        </span>
      )}
      <HeaderLines headers={request.headers} />
      {request.body !== '' && <span className="block">{'\n'}</span>}
      {form.ok ? (
        form.value.map(([name, value], i) => (
          <span key={`${name}-${i}`} className="block">
            <span className="font-medium text-indigo-700 dark:text-indigo-300">
              <VisibleText value={name} />
            </span>
            <span className="text-slate-400">=</span>
            <LongValue value={value} name={name} />
          </span>
        ))
      ) : (
        <span className="block whitespace-pre-wrap break-all">{request.body}</span>
      )}
    </pre>
  )
}

/** The status line, headers and body (pretty JSON when it is JSON). */
export function HttpResponseView({
  response,
  label,
  children,
}: {
  response: HttpResponseSnapshot
  label: string
  children?: ReactNode
}) {
  const json = parseJson(response.body)
  const ok = response.status < 400
  return (
    <div aria-label={label} role="group" className="space-y-2">
      <pre className={BLOCK}>
        <span
          className={`block font-semibold ${ok ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
        >
          {statusLine(response.status, response.statusText)}
        </span>
        <HeaderLines headers={response.headers} />
      </pre>
      {children}
      {json.ok ? (
        <JsonView value={json.value} label="Response body" />
      ) : response.body !== '' ? (
        <pre className={`${BLOCK} whitespace-pre-wrap break-all`}>{response.body}</pre>
      ) : null}
    </div>
  )
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
