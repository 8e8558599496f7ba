// Form building blocks for the controls: labelled inputs, selects and switches with hints and errors.
import { useId, type ReactNode } from 'react'

export const INPUT =
  'block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-[0.75rem] text-slate-900 shadow-xs placeholder:font-sans placeholder:text-slate-400 focus:border-indigo-500 aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-500 dark:aria-invalid:border-red-400'

export const LABEL = 'block text-xs font-medium text-slate-700 dark:text-slate-300'

/** The ids a control wires to its label, hint and error (`aria-describedby`, `aria-invalid`). */
export interface FieldIds {
  id: string
  describedBy: string | undefined
  invalid: boolean
}

interface FieldProps {
  label: string
  hint?: ReactNode
  error?: ReactNode
  /** Extra content on the label row (quick buttons, counters). */
  aside?: ReactNode
  children: (ids: FieldIds) => ReactNode
}

export function Field({ label, hint, error, aside, children }: FieldProps) {
  const id = useId()
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={LABEL}>
          {label}
        </label>
        {aside}
      </div>
      {children({ id, describedBy: described || undefined, invalid: Boolean(error) })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-[0.7rem]/4 text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  )
}

/** An error shown in the part it belongs to. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null
  return (
    <p id={id} className="mt-1 text-[0.72rem]/4 text-red-700 dark:text-red-300">
      {children}
    </p>
  )
}

interface SwitchProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  error?: ReactNode
}

/** A checkbox with switch semantics; its accessible name is exactly `label`. */
export function Switch({ label, checked, onChange, hint, error }: SwitchProps) {
  const id = useId()
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className="min-w-0">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className={`${LABEL} cursor-pointer`}>
          {label}
        </label>
        <span className="relative inline-flex shrink-0">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={checked}
            aria-describedby={described || undefined}
            aria-invalid={Boolean(error) || undefined}
            onChange={(event) => onChange(event.target.checked)}
            className="peer h-5 w-9 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors checked:bg-indigo-600 dark:bg-slate-700 dark:checked:bg-indigo-500"
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4"
          />
        </span>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-[0.7rem]/4 text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  )
}

/** A group of related controls with a visible legend. */
interface ControlGroupProps {
  legend: string
  /** The group's values are not what is sent (a hand-edited raw request is in force): say so in its name. */
  overridden?: boolean
  children: ReactNode
}

export function ControlGroup({ legend, overridden = false, children }: ControlGroupProps) {
  return (
    <div className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800">
      <fieldset className={`min-w-0 ${overridden ? 'opacity-60' : ''}`}>
        <legend className="mb-3 text-[0.68rem] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
          {legend}
          {overridden && (
            <span className="ml-1.5 normal-case tracking-normal text-amber-800 dark:text-amber-300">
              (overridden by the raw request)
            </span>
          )}
        </legend>
        <div className="space-y-3.5">{children}</div>
      </fieldset>
    </div>
  )
}
