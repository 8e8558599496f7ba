// A preset's change from the seed as short "path = value" lines, for a gallery card.

const MAX_VALUE = 60

const show = (value: unknown): string => {
  const text = JSON.stringify(value)
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
}

/** Each changed leaf of a change, objects walked key by key; arrays and values shown whole (shortened). */
export function changeLines(change: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(change).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? changeLines(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key} = ${show(value)}`],
  )
}
