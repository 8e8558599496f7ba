// The narrowing ledger: for scope, aud and lifetime, what the subject token had, what was asked, what policy allowed, what was issued.
import { refusalName } from '../../protocol/errors/refusal.ts'
import { findDelegationRule } from '../../protocol/idp/exchange-policy.ts'
import { isObject } from '../../protocol/json/is-object.ts'
import { viewToken } from '../../protocol/tokens/token-view.ts'
import type { Run } from '../run.ts'
import { httpStepsTo } from '../run-views.ts'

export interface NarrowingRow {
  /** The claim narrowed: "scope", "aud", "exp". */
  claim: string
  /** What people call it: "scope", "audience", "lifetime". */
  label: string
  subject: string
  requested: string
  allowed: string
  issued: string
  /** The rule that cut it, or why nothing was cut. */
  rule: string
  /** True when the issued value is narrower than the subject token's. */
  narrowed: boolean
}

const NONE = '—'

/**
 * The claims of the token in the IdP's own answer (RFC 8693 §2.2.1 `access_token`): what it issued,
 * before anything downstream (a tamperer, a later exchange in another domain) replaced it.
 */
function issuedClaims(body: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body)
    if (!isObject(parsed) || typeof parsed.access_token !== 'string') return null
    return viewToken(parsed.access_token).payload
  } catch {
    return null
  }
}
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
const words = (value: unknown) => (typeof value === 'string' ? value.split(' ').filter(Boolean) : [])
const show = (values: string[]) => (values.length ? values.join(' ') : NONE)

/** "59 min", "10 min", "45 s": a remaining lifetime in the unit a person reads. */
export function formatLifetime(seconds: number): string {
  if (seconds <= 0) return 'expired'
  if (seconds < 120) return `${seconds} s`
  return seconds < 7200 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h`
}

/**
 * The rows of the ledger, derived from the request the IdP received, its policy and the tokens.
 * Scope: RFC 8693 §2.1 and policy's grant per audience; aud: RFC 8693 §2.1 `audience`/`resource`
 * (RFC 8707); lifetime: the IdP's `maxTtl`, and never past an input token's `exp`.
 */
export function narrowingLedger(run: Run): NarrowingRow[] {
  const { scenario } = run
  const now = Math.floor(run.at / 1000)
  const subject = run.tokens.subject?.payload ?? {}
  const exchange = httpStepsTo(run, 'idp').at(-1)
  const issued = exchange?.decision.accepted ? issuedClaims(exchange.http.response.body) : null
  const form = new URLSearchParams(exchange?.http.request.body ?? '')
  const refusal = exchange && !exchange.decision.accepted ? exchange.decision.error : null
  const cut = refusal ? `refused: ${refusalName(refusal)} (${refusal.reason})` : null
  const rule = findDelegationRule(scenario.policy, scenario.actor.spiffeId, scenario.user.sub)
  const audiences = form.getAll('audience')
  const grants = rule?.audiences.filter((grant) => audiences.includes(grant.audience)) ?? []

  const granted = words(subject.scope)
  const asked = form.has('scope') ? words(form.get('scope')) : granted
  const allowedScopes = grants.length
    ? granted.filter((scope) => grants.every((grant) => grant.scopes.includes(scope)))
    : []
  const issuedScopes = issued ? words(issued.scope) : []
  const scopeRule =
    cut ??
    (issuedScopes.length < asked.length
      ? `policy: ${scenario.actor.spiffeId} may use ${show(allowedScopes)} at ${audiences.join(', ')}`
      : asked.length < granted.length
        ? 'the agent asked for less than the user granted (RFC 8693 §2.1 scope)'
        : 'nothing cut')

  const issuedAud = issued ? list(issued.aud) : []
  const audRule =
    cut ??
    (rule
      ? `policy: audiences ${scenario.actor.spiffeId} may reach (RFC 8693 §2.1 audience)`
      : 'no delegation rule for this agent and user')

  const subjectLeft = typeof subject.exp === 'number' ? subject.exp - now : null
  const askedTtl = form.get('requested_lifetime')
  const issuedTtl =
    issued && typeof issued.exp === 'number' && typeof issued.iat === 'number'
      ? issued.exp - issued.iat
      : null
  const ttlRule =
    cut ??
    (issuedTtl === null
      ? NONE
      : issuedTtl === scenario.policy.maxTtl
        ? `policy: maxTtl ${scenario.policy.maxTtl} s`
        : subjectLeft !== null && issuedTtl <= subjectLeft
          ? 'an input token expires sooner: the token never outlives what it was made from'
          : 'as requested')

  return [
    {
      claim: 'scope',
      label: 'scope',
      subject: show(granted),
      requested: show(asked),
      allowed: show(allowedScopes),
      issued: issued ? show(issuedScopes) : NONE,
      rule: scopeRule,
      narrowed: issued !== null && issuedScopes.length < granted.length,
    },
    {
      claim: 'aud',
      label: 'audience',
      subject: show(list(subject.aud)),
      requested: show([...audiences, ...form.getAll('resource')]),
      allowed: show(rule?.audiences.map((grant) => grant.audience) ?? []),
      issued: issued ? show(issuedAud) : NONE,
      rule: audRule,
      narrowed: issued !== null && show(issuedAud) !== show(list(subject.aud)),
    },
    {
      claim: 'exp',
      label: 'lifetime',
      subject: subjectLeft === null ? NONE : `${formatLifetime(subjectLeft)} left`,
      requested: askedTtl === null ? 'not asked' : formatLifetime(Number(askedTtl)),
      allowed: formatLifetime(scenario.policy.maxTtl),
      issued: issuedTtl === null ? NONE : formatLifetime(issuedTtl),
      rule: ttlRule,
      narrowed: issuedTtl !== null && subjectLeft !== null && issuedTtl < subjectLeft,
    },
  ]
}
