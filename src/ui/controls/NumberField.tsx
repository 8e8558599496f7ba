// A whole-number input that keeps what is typed (even "" or "-") while only valid numbers reach the scenario.
import { useState, type ReactNode } from 'react'
import { Field, INPUT } from './fields.tsx'

interface NumberFieldProps {
  label: string
  value: number | null
  onChange: (value: number | null) => void
  /** Allow an empty field, meaning `null`. */
  allowEmpty?: boolean
  placeholder?: string
  hint?: ReactNode
  /** An error from the run, shown in this field. */
  error?: ReactNode
  aside?: ReactNode
  unit?: string
}

const format = (value: number | null) => (value === null ? '' : String(value))

function parse(text: string, allowEmpty: boolean): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim()
  if (trimmed === '') return allowEmpty ? { ok: true, value: null } : { ok: false }
  if (!/^[-+]?\d+$/.test(trimmed)) return { ok: false }
  const value = Number(trimmed)
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false }
}

export function NumberField({
  label,
  value,
  onChange,
  allowEmpty = false,
  placeholder,
  hint,
  error,
  aside,
  unit,
}: NumberFieldProps) {
  const [draft, setDraft] = useState(format(value))
  const [shown, setShown] = useState(value)
  // The value changed from elsewhere (quick buttons, Scenario JSON): show it, unless the draft already says so.
  if (value !== shown) {
    setShown(value)
    const parsed = parse(draft, allowEmpty)
    if (!parsed.ok || parsed.value !== value) setDraft(format(value))
  }
  const parsed = parse(draft, allowEmpty)
  const localError = parsed.ok
    ? null
    : `Enter a whole number of seconds${allowEmpty ? ', or leave empty' : ''}.`
  return (
    <Field label={label} hint={hint} error={localError ?? error} aside={aside}>
      {({ id, describedBy, invalid }) => (
        <div className="relative">
          <input
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className={`${INPUT} ${unit ? 'pr-8' : ''}`}
            value={draft}
            placeholder={placeholder}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => {
              const text = event.target.value
              setDraft(text)
              const next = parse(text, allowEmpty)
              if (next.ok && next.value !== value) {
                setShown(next.value)
                onChange(next.value)
              }
            }}
          />
          {unit && (
            <span className="pointer-events-none absolute inset-y-0 right-2.5 flex items-center text-xs text-slate-400">
              {unit}
            </span>
          )}
        </div>
      )}
    </Field>
  )
}
