// Public entry point for untrusted scenarios (links, pasted JSON): the one door, with the schema library,
// loaded only when a link or the JSON editor needs it.

export { decodePermalink } from './scenario/decode-permalink.ts'
export { MAX_SCENARIO_JSON_BYTES, parseScenarioJson } from './scenario/parse-scenario-json.ts'
export { SCENARIO_LIMITS } from './scenario/scenario-schema.ts'
