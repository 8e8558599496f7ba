// Time as an injectable dependency, so tests and the clock-offset control never sleep or mock globals.

/** Milliseconds since the epoch. */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()

/** A clock shifted by `offsetSeconds` (the playground's "clock offset" control). */
export const offsetClock =
  (base: Clock, offsetSeconds: number): Clock =>
  () =>
    base() + offsetSeconds * 1000

/** Whole seconds since the epoch, as JWT NumericDate values are (RFC 7519 §2). */
export const epochSeconds = (clock: Clock): number => Math.floor(clock() / 1000)
