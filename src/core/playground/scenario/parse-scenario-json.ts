// Parses scenario JSON typed in the editor: a valid scenario, or a message pointing at the fault.
import { restoreScenario } from './restore-scenario.ts'
import type { Scenario } from './scenario.ts'

export const MAX_SCENARIO_JSON_BYTES = 256 * 1024

export type ParsedScenarioJson =
  | { ok: true; scenario: Scenario; notices: string[] }
  | { ok: false; message: string; line?: number; column?: number }

/** Line and column (1-based) of a character offset, for the editor's marker. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** Parses JSON, then passes it through {@link restoreScenario}. Never throws. */
export function parseScenarioJson(text: string): ParsedScenarioJson {
  if (text.length > MAX_SCENARIO_JSON_BYTES)
    return {
      ok: false,
      message: `Scenario JSON is larger than ${MAX_SCENARIO_JSON_BYTES / 1024} KiB; nothing was read.`,
    }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // Engines word this differently; Monaco's own JSON mode marks the spot when no position is given.
    const at = /position (\d+)/.exec(message)
    const lineColumn = /line (\d+) column (\d+)/.exec(message)
    const where = at
      ? position(text, Number(at[1]))
      : lineColumn
        ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
        : {}
    return { ok: false, message: `Invalid JSON: ${message}`, ...where }
  }
  return { ok: true, ...restoreScenario(value) }
}
