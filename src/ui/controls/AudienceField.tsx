// One or more `audience` parameters (RFC 8693 §2.1), with the policy's audiences offered as suggestions.
import { useId, type ReactNode } from 'react'
import { BUTTON, LINK_BUTTON } from '../components/buttons.ts'
import { FieldError, INPUT, LABEL } from './fields.tsx'

interface AudienceFieldProps {
  audiences: string[]
  suggestions: string[]
  onChange: (audiences: string[]) => void
  error?: ReactNode
}

/** The first input is labelled "Audience", later ones "Audience 2", "Audience 3"… */
const labelFor = (index: number) => (index === 0 ? 'Audience' : `Audience ${index + 1}`)

export function AudienceField({ audiences, suggestions, onChange, error }: AudienceFieldProps) {
  const baseId = useId()
  const listId = `${baseId}-list`
  const errorId = `${baseId}-error`
  const rows = audiences.length === 0 ? [''] : audiences
  const set = (index: number, value: string) => onChange(rows.map((a, i) => (i === index ? value : a)))
  return (
    <div className="min-w-0">
      <div className="space-y-1.5">
        {rows.map((audience, index) => (
          <div key={index}>
            <label htmlFor={`${baseId}-${index}`} className={`${LABEL} mb-1 ${index > 0 ? 'sr-only' : ''}`}>
              {labelFor(index)}
            </label>
            <div className="flex gap-1.5">
              <input
                id={`${baseId}-${index}`}
                className={INPUT}
                list={listId}
                autoComplete="off"
                spellCheck={false}
                value={audience}
                aria-describedby={error ? errorId : undefined}
                aria-invalid={Boolean(error) || undefined}
                onChange={(event) => set(index, event.target.value)}
              />
              {rows.length > 1 && (
                <button
                  type="button"
                  className={`${BUTTON} px-2`}
                  aria-label={`Remove ${labelFor(index).toLowerCase()}`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </div>
          </div>
        ))}
      </div>
      <datalist id={listId}>
        {suggestions.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <div className="mt-1.5 flex items-start justify-between gap-2">
        <p className="text-[0.7rem]/4 text-slate-500 dark:text-slate-400">
          Where the token may be used (aud). Try evil.example.com.
        </p>
        <button
          type="button"
          className={`${LINK_BUTTON} shrink-0 whitespace-nowrap`}
          onClick={() => onChange([...rows, ''])}
        >
          + Add audience
        </button>
      </div>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  )
}
