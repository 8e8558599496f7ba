// "What to look at": three to five sentences about a Run, naming the claims that tell the story.
import { refusalName } from '../../protocol/errors/refusal.ts'
import { formatSpecRef } from '../../protocol/errors/spec-ref.ts'
import { isObject } from '../../protocol/json/is-object.ts'
import type { Run } from '../run.ts'
import { receiverOf } from '../run-views.ts'

/** A piece of a sentence: plain text, or a claim (by its path, "act.sub") the claims pane can show. */
export type Part = { text: string } | { claim: string }

export type Sentence = Part[]

const t = (text: string): Part => ({ text })
const c = (claim: string): Part => ({ claim })

/** The actors of a token's `act`, outermost (the current actor) first. @see RFC 8693 §4.1 */
function actorChain(payload: Record<string, unknown>): string[] {
  const chain: string[] = []
  for (let act = payload.act; isObject(act); act = act.act)
    chain.push(typeof act.sub === 'string' ? act.sub : '(no sub)')
  return chain
}

function stopped(run: Run): Sentence | null {
  const { outcome } = run
  if (outcome.kind === 'not-sent')
    return [t(`Nothing was sent: ${outcome.reason}, so no server decided anything.`)]
  if (outcome.kind !== 'refused') return null
  const step = run.steps[outcome.step]
  const who = step ? (receiverOf(run, step)?.label ?? step.to) : 'a server'
  const { error } = outcome
  return [
    t(
      `The ${who} stopped it at step ${outcome.step + 1} with ${refusalName(error)} (${error.reason}, ${formatSpecRef(error.spec)}): ${error.description.replace(/\.$/, '')}.`,
    ),
  ]
}

/**
 * Sentences written from the Run: who `sub` is, whether `act` names the agent (or the agent is not
 * recorded at all: impersonation, RFC 8693 §1.1), who acted before whom in a chain (§4.1), and what
 * stopped a refused run.
 */
export function whatToLookAt(run: Run): Sentence[] {
  const sentences: Sentence[] = []
  const refusal = stopped(run)
  const payload = run.tokens.delegated?.payload
  if (!payload) {
    sentences.push([t('No token was issued, so the API was never called and its audit trail is empty.')])
    if (refusal) sentences.push(refusal)
    return sentences
  }
  const user = typeof payload.sub === 'string' ? payload.sub : '(none)'
  sentences.push([c('sub'), t(` is the user, ${user}: the token acts on their account.`)])
  const chain = actorChain(payload)
  const [current, ...before] = chain
  if (current === undefined)
    sentences.push([
      t('The token has no '),
      c('act'),
      t(
        ': this is impersonation, and the agent is not recorded. The audit trail names only the user, as if they made the call.',
      ),
    ])
  else {
    sentences.push([c('act.sub'), t(` is the agent, ${current}: the audit trail records that it acted.`)])
    if (before.length > 0)
      sentences.push([
        t('It is a chain: '),
        c('act.act'),
        t(` says ${[...before].reverse().join(' then ')} acted before ${current}, each for the user.`),
      ])
  }
  const scope = typeof payload.scope === 'string' ? payload.scope : null
  const aud = Array.isArray(payload.aud) ? payload.aud.join(', ') : String(payload.aud ?? '')
  if (scope !== null)
    sentences.push([
      c('scope'),
      t(` is "${scope}" and `),
      c('aud'),
      t(` is ${aud}: no more than policy allows there.`),
    ])
  if (refusal) sentences.push(refusal)
  else if (payload.cnf !== undefined)
    sentences.push([
      c('cnf'),
      t(' binds the token to the agent’s DPoP key: a copy without the key is useless.'),
    ])
  return sentences.slice(0, 5)
}

/** The sentences as plain text, claims in backquotes: for tests and copying. */
export const sentenceText = (sentence: Sentence): string =>
  sentence.map((part) => ('claim' in part ? `\`${part.claim}\`` : part.text)).join('')
