// An audit line drawn field by field, so the fields a log without `act` loses can be highlighted.
// The text is exactly the core's line: if the two ever disagree, the core's string is shown as is.
import { type AuditEvent, formatAuditFields, formatAuditTime, writeValue } from '../../core/protocol/index.ts'

const LINE =
  'rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs/5 break-words whitespace-pre-wrap text-slate-800 dark:bg-slate-950/60 dark:text-slate-200'

interface AuditLineProps {
  label: string
  line: string
  event: AuditEvent
  highlight: Set<string>
}

export function AuditLine({ label, line, event, highlight }: AuditLineProps) {
  const time = formatAuditTime(event.time)
  const fields = formatAuditFields(event)
  const rebuilt = time + fields.map(([key, value]) => ` ${key}=${writeValue(value)}`).join('')
  if (rebuilt !== line)
    return (
      <p role="group" aria-label={label} className={LINE}>
        {line}
      </p>
    )
  return (
    <p role="group" aria-label={label} className={LINE}>
      <span className="text-slate-500 dark:text-slate-400">{time}</span>
      {fields.map(([key, value], i) => {
        const lost = highlight.has(key)
        const deny = key === 'decision' || key === 'error' || key === 'reason'
        const claimed = key.startsWith('claimed_')
        return (
          <span key={i}>
            {' '}
            <span
              title={claimed ? 'Claimed by the refused request’s tokens, not verified' : undefined}
              className={
                lost
                  ? 'rounded-sm bg-amber-200/70 px-0.5 text-amber-950 ring-1 ring-amber-300 dark:bg-amber-400/25 dark:text-amber-100 dark:ring-amber-500/50'
                  : deny
                    ? 'text-red-700 dark:text-red-300'
                    : claimed
                      ? 'italic'
                      : ''
              }
            >
              <span className={lost || deny ? 'font-semibold' : 'text-sky-800 dark:text-sky-300'}>{key}</span>
              ={writeValue(value)}
            </span>
          </span>
        )
      })}
    </p>
  )
}
