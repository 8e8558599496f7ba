// A value that may be long (a token, a key): shortened for reading, expandable to the full text.
import { useState } from 'react'
import { isShortenable, shorten } from '../format/shorten.ts'
import { LINK_BUTTON } from './buttons.ts'
import { VisibleText } from './VisibleText.tsx'

interface LongValueProps {
  value: string
  /** Names the value for the expand button: "Show all of {name}". */
  name: string
  className?: string
}

export function LongValue({ value, name, className = '' }: LongValueProps) {
  const [open, setOpen] = useState(false)
  if (!isShortenable(value))
    return (
      <span className={`break-all ${className}`}>
        <VisibleText value={value} />
      </span>
    )
  return (
    <span className={className}>
      <span className="break-all" title={open ? undefined : 'Shortened for reading'}>
        <VisibleText value={open ? value : shorten(value)} />
      </span>{' '}
      <button
        type="button"
        className={`${LINK_BUTTON} whitespace-nowrap`}
        aria-expanded={open}
        aria-label={`${open ? 'Show less' : 'Show all'} of ${name}`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'show less' : 'show all'}
      </button>
    </span>
  )
}
