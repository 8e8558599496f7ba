// How much text one paste may put into each editor: no more than a scenario can hold there.

/** "Edit request" and "Tamper with token": SCENARIO_LIMITS.edit, kept here so zod stays out of this chunk. */
export const EDIT_PASTE_LIMIT = 64 * 1024

/** "Scenario JSON": MAX_SCENARIO_JSON_BYTES, the largest text parseScenarioJson reads. */
export const SCENARIO_JSON_PASTE_LIMIT = 256 * 1024

/**
 * JSON editors ("Tamper with token", "Scenario JSON"): Monaco's JSON worker parses recursively and
 * overflows its stack a few thousand levels down. Real claims and scenarios nest under ten.
 */
export const JSON_PASTE_MAX_DEPTH = 1_000
