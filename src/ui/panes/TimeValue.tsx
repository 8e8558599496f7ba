// A NumericDate shown three ways: the epoch value, UTC, and relative to the run's clock.
import { relativeTime, utcTime } from '../format/time.ts'

export function TimeValue({
  claim,
  value,
  nowSeconds,
}: {
  claim: string
  value: number
  nowSeconds: number
}) {
  const expired = claim === 'exp' && value <= nowSeconds
  const notYet = claim === 'nbf' && value > nowSeconds
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span className="font-mono">{value}</span>
      <span className="text-slate-500 dark:text-slate-400">{utcTime(value) ?? 'not a valid time'}</span>
      <span
        className={
          expired || notYet
            ? 'font-medium text-red-700 dark:text-red-300'
            : 'text-slate-500 dark:text-slate-400'
        }
      >
        {expired ? `expired ${relativeTime(value, nowSeconds)}` : relativeTime(value, nowSeconds)}
      </span>
    </span>
  )
}
