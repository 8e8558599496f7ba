// The `scope` parameter as typed (space-separated), with the user's granted scopes as toggles.
import type { ReactNode } from 'react'
import { Field, INPUT } from './fields.tsx'

interface ScopeFieldProps {
  scope: string
  granted: string[]
  /** Granted scopes policy forbids at the requested audience, each with that audience. */
  forbidden?: ReadonlyMap<string, string>
  onChange: (scope: string) => void
  error?: ReactNode
}

const tokensOf = (scope: string) => scope.split(' ').filter((token) => token !== '')

export function ScopeField({ scope, granted, forbidden = new Map(), onChange, error }: ScopeFieldProps) {
  const requested = tokensOf(scope)
  const toggle = (token: string) =>
    onChange(
      requested.includes(token)
        ? requested.filter((t) => t !== token).join(' ')
        : [...requested, token].join(' '),
    )
  return (
    <Field
      label="Scope"
      error={error}
      hint="Space-separated. Must stay within what the user granted and policy allows here."
    >
      {({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            className={INPUT}
            autoComplete="off"
            spellCheck={false}
            value={scope}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          <div role="group" aria-label="Granted permissions" className="mt-1.5 flex flex-wrap gap-1">
            {granted.map((token) => {
              const on = requested.includes(token)
              const refusedAt = forbidden.get(token)
              const why = refusedAt === undefined ? undefined : `not allowed for ${refusedAt} by policy`
              return (
                <button
                  key={token}
                  type="button"
                  aria-pressed={on}
                  aria-describedby={why ? `${id}-forbidden-${token}` : undefined}
                  title={why}
                  onClick={() => toggle(token)}
                  className={`rounded-full border px-2 py-0.5 font-mono text-[0.7rem] transition-colors ${
                    on
                      ? 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500'
                      : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
                  } ${why ? 'border-dashed line-through decoration-red-500/70' : ''}`}
                >
                  {token}
                </button>
              )
            })}
          </div>
          {forbidden.size > 0 && (
            <ul className="mt-1 text-[0.7rem]/4 text-amber-800 dark:text-amber-300">
              {granted
                .filter((token) => forbidden.has(token))
                .map((token) => (
                  <li key={token} id={`${id}-forbidden-${token}`}>
                    <code className="font-mono">{token}</code>: not allowed for {forbidden.get(token)} by
                    policy
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </Field>
  )
}
