// The delegated token's claims, each with where it came from and what it means; nested `act` as a tree.
import type { ClaimSource, SignedValue } from '../../core/playground/index.ts'
import { claimInfo, isObject } from '../../core/protocol/index.ts'
import { Badge } from '../components/Badge.tsx'
import { LongValue } from '../components/LongValue.tsx'
import { PROVENANCE } from '../components/provenance.ts'
import { SpecRef } from '../components/SpecRef.tsx'
import { isTimeClaim } from '../format/time-claims.ts'
import { TimeValue } from './TimeValue.tsx'
import { claimAnchor } from '../format/claim-anchor.ts'

interface ClaimListProps {
  claims: Record<string, unknown>
  sources: Record<string, ClaimSource>
  nowSeconds: number
  /** Top-level claims changed after signing, with the signed value: they lose their provenance badge. */
  edited?: ReadonlyMap<string, SignedValue>
  /** Path of the object these claims sit in ("" at the top, "act" inside act…). */
  parent?: string
}

/** Who, acting as whom, where, how, bound to what, when: the order a reviewer reads a delegated token in. */
const READING_ORDER = [
  'iss',
  'sub',
  'act',
  'aud',
  'scope',
  'client_id',
  'azp',
  'cnf',
  'may_act',
  'amr',
  'auth_time',
  'iat',
  'nbf',
  'exp',
  'jti',
]

const rank = (name: string) => {
  const at = READING_ORDER.indexOf(name)
  return at === -1 ? READING_ORDER.length : at
}

const NOTHING_EDITED: ReadonlyMap<string, SignedValue> = new Map()

export function ClaimList({
  claims,
  sources,
  nowSeconds,
  edited = NOTHING_EDITED,
  parent = '',
}: ClaimListProps) {
  return (
    <ul
      role="list"
      className={
        parent
          ? 'mt-2 space-y-2 border-l-2 border-amber-200 pl-3 dark:border-amber-800/70'
          : 'divide-y divide-slate-100 dark:divide-slate-800'
      }
    >
      {Object.entries(claims)
        .sort(([a], [b]) => (parent ? 0 : rank(a) - rank(b)))
        .map(([name, value]) => {
          const path = parent ? `${parent}.${name}` : name
          const change = parent ? undefined : edited.get(name)
          // An edited claim came from whoever edited it, not from policy or a token: no provenance badge.
          const source = parent || change ? undefined : sources[name]
          const entry = claimInfo(path)
          return (
            <li
              key={name}
              id={claimAnchor(path)}
              tabIndex={-1}
              aria-label={path}
              className={parent ? '' : 'py-2.5 first:pt-0 last:pb-0'}
            >
              <div
                className={`grid gap-x-4 gap-y-1 ${parent ? 'sm:grid-cols-[6.5rem_minmax(0,1fr)]' : 'sm:grid-cols-[8rem_minmax(0,1fr)]'}`}
              >
                <div className="flex flex-wrap items-center gap-1.5 sm:flex-col sm:items-start">
                  <code className="font-mono text-[0.8rem] font-semibold text-slate-900 dark:text-slate-100">
                    {name}
                  </code>
                  {change && (
                    <Badge
                      tone="red"
                      title="Changed after the IdP signed the token: the signature no longer matches"
                    >
                      edited after signing
                    </Badge>
                  )}
                  {source && (
                    <Badge tone={PROVENANCE[source].tone} title={PROVENANCE[source].title}>
                      {PROVENANCE[source].label}
                    </Badge>
                  )}
                </div>
                <div className="min-w-0 text-[0.8rem]">
                  <ClaimValue path={path} value={value} nowSeconds={nowSeconds} />
                  {change && (
                    <p className="mt-0.5 text-xs/5 text-red-800 dark:text-red-300">
                      {change.signed ? (
                        <>
                          Signed value:{' '}
                          <span className="font-mono break-all">{JSON.stringify(change.value)}</span>
                        </>
                      ) : (
                        'Not in the token the IdP signed.'
                      )}
                    </p>
                  )}
                  {entry && (
                    <p className="mt-0.5 text-xs/5 text-slate-500 dark:text-slate-400">
                      <span className="font-medium text-slate-600 dark:text-slate-300">{entry.label}.</span>{' '}
                      {entry.meaning} <SpecRef spec={entry.spec} tabbable={false} />
                    </p>
                  )}
                  {isObject(value) && (
                    <ClaimList claims={value} sources={sources} nowSeconds={nowSeconds} parent={path} />
                  )}
                </div>
              </div>
            </li>
          )
        })}
    </ul>
  )
}

function ClaimValue({ path, value, nowSeconds }: { path: string; value: unknown; nowSeconds: number }) {
  if (isTimeClaim(path, value))
    return <TimeValue claim={path.split('.').pop()!} value={value} nowSeconds={nowSeconds} />
  if (typeof value === 'string') return <LongValue value={value} name={path} className="font-mono" />
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return (
      <span className="flex flex-wrap gap-1">
        {value.map((item, i) => (
          <span key={i} className="rounded bg-slate-100 px-1.5 font-mono dark:bg-slate-800">
            {item}
          </span>
        ))}
      </span>
    )
  if (isObject(value)) return null
  return <span className="font-mono">{JSON.stringify(value)}</span>
}
