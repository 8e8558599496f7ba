// The API call the agent made with the delegated token, and the resource server's answer.
import type { HttpExchange } from '../../core/playground/run.ts'
import { HttpRequestView, HttpResponseView } from '../components/HttpMessageView.tsx'
import { requestTarget, statusLine } from '../format/http-text.ts'

export function ResourceCall({ exchange }: { exchange: HttpExchange }) {
  const { request, response } = exchange
  const { host, path } = requestTarget(request)
  const ok = response.status < 400
  return (
    <details className="rounded-lg border border-slate-200 text-xs dark:border-slate-800">
      <summary className="cursor-pointer px-3 py-2 text-slate-700 dark:text-slate-300">
        <span className="font-medium">API call</span>{' '}
        <span className="font-mono">
          {request.method} {host}
          {path}
        </span>{' '}
        →{' '}
        <span
          className={`font-mono ${ok ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
        >
          {statusLine(response.status, response.statusText).replace('HTTP/1.1 ', '')}
        </span>
      </summary>
      <div className="space-y-2 px-3 pb-3">
        <HttpRequestView request={request} label="Resource request" />
        <HttpResponseView response={response} label="Resource response" />
      </div>
    </details>
  )
}
