// Long values (tokens, keys) shortened for reading; the full value is always one click away.

/** Values longer than this are shown shortened until expanded. */
export const SHORTEN_AT = 64

/** Only token-like values (long, no spaces) are shortened; sentences such as error descriptions never are. */
export function isShortenable(value: string): boolean {
  return value.length > SHORTEN_AT && !/\s/.test(value)
}

export function shorten(value: string, head = 22, tail = 10): string {
  if (!isShortenable(value)) return value
  return `${value.slice(0, head)}…${value.slice(-tail)}`
}
