// The IdP's answer: the issued token response, or the RFC error body with a plain-language explanation.
import { httpStepsTo, notSentError, refusalBy, type Run } from '../../core/playground/index.ts'
import { type Refusal as RefusalError, refusalName } from '../../core/protocol/index.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { HttpResponseView } from '../components/HttpMessageView.tsx'
import { Notice } from '../components/Notice.tsx'
import { Code, Pane } from '../components/Pane.tsx'
import { SpecRef } from '../components/SpecRef.tsx'

export function ResponsePane({ run }: { run: Run }) {
  const response = httpStepsTo(run, 'idp').at(-1)?.http.response ?? null
  const error = refusalBy(run, 'idp')
  const notSent = notSentError(run)
  return (
    <Pane
      id="response"
      title="Token response"
      note={
        error ? (
          <>The IdP refused: an RFC error body, and why.</>
        ) : (
          <>
            <Code>issued_token_type</Code> says what came back; <Code>token_type</Code> is <Code>DPoP</Code>{' '}
            when the token is bound to a key.
          </>
        )
      }
      actions={response && <CopyButton what="response body" text={() => response.body} />}
    >
      <div className="space-y-3">
        {error && <Refusal error={error} />}
        {notSent && (
          <Notice tone="error">Nothing was sent, so the IdP has not answered: {notSent.description}</Notice>
        )}
        {response && <HttpResponseView response={response} label="Token response message" />}
      </div>
    </Pane>
  )
}

export function Refusal({ error, by = 'The IdP' }: { error: RefusalError; by?: string }) {
  return (
    <Notice tone="error">
      <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span>
          {by} refused with <code className="font-mono font-semibold">{refusalName(error)}</code>
          <span className="text-red-700/80 dark:text-red-200/70"> · HTTP {error.status}</span>
        </span>
        <SpecRef spec={error.spec} className="text-red-800/80 dark:text-red-200/80" />
      </p>
      <p className="mt-1 text-[0.8rem]/5">{error.explanation}</p>
    </Notice>
  )
}
