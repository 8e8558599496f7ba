// Every validation the servers made, in order: passed or failed, by whom, under which section.
import { memo } from 'react'
import { type Run, runChecks } from '../../core/playground/index.ts'
import type { Check, CheckActor } from '../../core/protocol/index.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { Pane } from '../components/Pane.tsx'
import { SpecRef } from '../components/SpecRef.tsx'

const BY: Record<CheckActor, string> = {
  idp: 'IdP',
  'authorization-server': 'Authorization server',
  'resource-server': 'Resource server',
  client: 'Agent',
}
const ORDER: CheckActor[] = ['client', 'idp', 'authorization-server', 'resource-server']

const asText = (checks: Check[]) =>
  checks
    .map(
      (c) =>
        `${c.skipped ? 'SKIPPED' : c.ok ? 'PASS' : 'FAIL'} [${BY[c.by]}] ${c.label} (${c.spec})${c.detail ? `: ${c.detail}` : ''}`,
    )
    .join('\n')

export function ChecksPane({ run }: { run: Run }) {
  const checks = runChecks(run)
  const failed = checks.filter((check) => !check.ok).length
  const groups = ORDER.map((by) => ({ by, checks: checks.filter((check) => check.by === by) })).filter(
    (group) => group.checks.length > 0,
  )
  return (
    <Pane
      id="checks"
      title="Checks"
      note="What each server verified before it said yes, or the first thing that made it say no."
      actions={<CopyButton what="checks" text={() => asText(checks)} />}
    >
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">
        {checks.length - failed} passed
        {failed > 0 && <span className="font-medium text-red-700 dark:text-red-300">, {failed} failed</span>}
      </p>
      <div className="grid gap-x-6 gap-y-4 lg:grid-cols-2">
        {groups.map(({ by, checks }) => (
          <div key={by} role="group" aria-labelledby={`checks-${by}`} className="min-w-0">
            <h3
              id={`checks-${by}`}
              className="mb-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300"
            >
              {BY[by]} <span className="font-normal text-slate-500">({checks.length})</span>
            </h3>
            <ol className="divide-y divide-slate-100 dark:divide-slate-800/70">
              {checks.map((check, i) => (
                <CheckRow key={i} check={check} />
              ))}
            </ol>
          </div>
        ))}
      </div>
    </Pane>
  )
}

// Each Run logs new check objects, but most say exactly what the last Run's said: compare by content, so
// only the rows whose text changed are rendered again.
const sameCheck = (a: { check: Check }, b: { check: Check }) =>
  a.check.ok === b.check.ok &&
  a.check.skipped === b.check.skipped &&
  a.check.label === b.check.label &&
  a.check.detail === b.check.detail &&
  a.check.spec === b.check.spec

const CheckRow = memo(function CheckRow({ check }: { check: Check }) {
  return (
    <li
      className={`grid grid-cols-[1rem_minmax(0,1fr)] gap-x-2 py-1 text-xs/5 ${
        check.skipped
          ? '-mx-2 rounded-md bg-amber-100 px-2 dark:bg-amber-900/40'
          : check.ok
            ? ''
            : '-mx-2 rounded-md bg-red-50 px-2 dark:bg-red-950/40'
      }`}
    >
      <span
        aria-hidden="true"
        className={
          check.ok ? 'text-green-600 dark:text-green-400' : 'font-bold text-red-600 dark:text-red-400'
        }
      >
        {check.skipped ? '⊘' : check.ok ? '✓' : '✗'}
      </span>
      <p className="min-w-0">
        <span className="sr-only">
          {check.skipped ? 'Skipped (defence off): ' : check.ok ? 'Passed: ' : 'Failed: '}
        </span>
        <span
          className={
            check.ok ? 'text-slate-800 dark:text-slate-200' : 'font-medium text-red-900 dark:text-red-200'
          }
        >
          {check.label}
        </span>
        {check.detail && (
          <span
            className={`[overflow-wrap:anywhere] ${check.ok ? 'text-slate-500 dark:text-slate-400' : 'text-red-800 dark:text-red-300'}`}
          >
            {' — '}
            {check.detail}
          </span>
        )}{' '}
        <SpecRef spec={check.spec} className="ml-1" tabbable={false} />
      </p>
    </li>
  )
}, sameCheck)
