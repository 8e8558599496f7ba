// Counts the steps a parser takes, so a test can assert linear work without ever reading a clock.

/**
 * A step counter a caller may hand to a parser. The parser adds one step for each character or value its
 * own loops visit; a test compares the total with the input's length. Timing the same thing would flake
 * on a busy machine, while a count is the same on every machine.
 */
export interface WorkMeter {
  steps: number
}
