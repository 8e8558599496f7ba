// Human-readable times for JWT NumericDate claims, relative to the run's own clock.

const UNITS: [seconds: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
]

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** "in 10 minutes", "5 seconds ago", relative to `nowSeconds`. */
export function relativeTime(epochSeconds: number, nowSeconds: number): string {
  const delta = epochSeconds - nowSeconds
  const abs = Math.abs(delta)
  const [size, unit] = UNITS.find(([s]) => abs >= s) ?? [1, 'second']
  return relative.format(Math.round(delta / size), unit)
}

/** `2026-05-10 22:13:01 UTC`, or null for values a Date cannot hold. */
export function utcTime(epochSeconds: number): string | null {
  const date = new Date(epochSeconds * 1000)
  if (Number.isNaN(date.getTime())) return null
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** "1 h 10 min", "45 s": a duration in seconds, compact. */
export function shortDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : ''
  let rest = Math.abs(Math.trunc(totalSeconds))
  const parts: string[] = []
  for (const [size, label] of [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${label}`)
      rest %= size
    }
  }
  return parts.length === 0 ? '0 s' : sign + parts.slice(0, 2).join(' ')
}

/** A one-line remark for JSON views: "2026-05-10 22:13:01 UTC, in 10 minutes". */
export function timeRemark(value: number, nowSeconds: number): string {
  return `${utcTime(value) ?? 'not a valid time'}, ${relativeTime(value, nowSeconds)}`
}
