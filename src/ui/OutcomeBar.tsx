// One line on how the latest run ended, announced politely to screen readers when it changes.
import { httpStepsTo, receiverOf, type Run } from '../core/playground/index.ts'
import { refusalName } from '../core/protocol/index.ts'
import { flowOutcome } from './flow-outcome.ts'
import { requestTarget, statusLine } from './format/http-text.ts'
import { acceptedByVulnerableServer, defencesOffText } from './gallery/vulnerable-run.ts'

type Outcome = { tone: 'ok' | 'warn' | 'refused' | 'waiting'; text: string }

/** Said whenever an issued token has no `act`: a success that hides who did it is not a plain success. */
const INVISIBLE_AGENT =
  'Impersonation: the token has no act, so the agent is invisible in the audit trail, which names only the user.'

/** The issued token names no actor (RFC 8693 §1.1 impersonation), whatever the request looked like. */
const impersonated = (run: Run) => {
  const payload = run.tokens.delegated?.payload
  return payload !== null && payload !== undefined && payload.act === undefined
}

const vulnerable = acceptedByVulnerableServer
const VULNERABLE = (run: Run) =>
  `VULNERABLE SERVER (defence off: ${defencesOffText(run)}): the attack succeeded.`

function outcomeOf(run: Run | null): Outcome {
  if (!run) return { tone: 'waiting', text: 'Making keys and running the exchange…' }
  const { outcome } = run
  // Nothing reached a server, so no server refused anything: say what stopped the request instead.
  if (outcome.kind === 'not-sent')
    return { tone: 'refused', text: `The request was not sent: ${outcome.reason}` }
  const stoppedAt = outcome.kind === 'refused' ? run.steps[outcome.step] : undefined
  // A passkey ceremony the IdP refused: nothing was exchanged, the user never signed in.
  if (outcome.kind === 'refused' && outcome.error.reason.startsWith('webauthn.'))
    return {
      tone: 'refused',
      text: `The IdP refused the passkey sign-in: ${refusalName(outcome.error)} (${outcome.error.reason}). ${outcome.error.description}`,
    }
  if (run.flow !== 'delegation') {
    const line = flowOutcome(run, stoppedAt)
    // A flow accepted only because a server ran without a defence: an attack that succeeded, said first.
    return vulnerable(run) ? { tone: 'refused', text: `${VULNERABLE(run)} ${line.text}` } : line
  }
  if (outcome.kind === 'refused' && stoppedAt && receiverOf(run, stoppedAt)?.kind === 'idp')
    return {
      tone: 'refused',
      text: `The IdP refused the exchange: ${refusalName(outcome.error)}. ${outcome.error.description}`,
    }
  const bound = run.tokens.delegated?.payload?.cnf ? 'DPoP-bound' : 'bearer'
  const resource = httpStepsTo(run, 'resource-server').at(-1)?.http
  if (!resource) {
    const issued = `The IdP issued a ${bound} token; no API call was made.`
    if (vulnerable(run)) return { tone: 'refused', text: `${VULNERABLE(run)} ${issued}` }
    return impersonated(run)
      ? { tone: 'warn', text: `${issued} ${INVISIBLE_AGENT}` }
      : { tone: 'ok', text: issued }
  }
  const { host, path } = requestTarget(resource.request)
  const answer = statusLine(resource.response.status, resource.response.statusText).replace('HTTP/1.1 ', '')
  const call = `${resource.request.method} ${host}${path} → ${answer}`
  if (outcome.kind === 'refused')
    return {
      tone: 'refused',
      text: `Token issued, but the resource server refused it: ${refusalName(outcome.error)} (${call})`,
    }
  const accepted = `The IdP issued a ${bound} token and the API accepted it: ${call}`
  if (vulnerable(run)) return { tone: 'refused', text: `${VULNERABLE(run)} ${accepted}` }
  return impersonated(run)
    ? { tone: 'warn', text: `${accepted}. ${INVISIBLE_AGENT}` }
    : { tone: 'ok', text: accepted }
}

const TONES = {
  warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800/70 dark:bg-amber-950/40 dark:text-amber-100',
  ok: 'border-green-200 bg-green-50 text-green-900 dark:border-green-900/70 dark:bg-green-950/40 dark:text-green-100',
  refused:
    'border-red-200 bg-red-50 text-red-900 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-100',
  waiting:
    'border-slate-200 bg-white text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300',
}

export function OutcomeBar({ run }: { run: Run | null }) {
  const { tone, text } = outcomeOf(run)
  return (
    <div
      role="status"
      aria-label="Outcome"
      className={`flex min-h-10 items-center gap-2 rounded-xl border px-4 py-2 text-[0.8rem]/5 ${TONES[tone]}`}
    >
      <span aria-hidden="true" className="font-bold">
        {tone === 'ok' ? '✓' : tone === 'warn' ? '!' : tone === 'refused' ? '✗' : '…'}
      </span>
      <span className="min-w-0">{text}</span>
    </div>
  )
}
