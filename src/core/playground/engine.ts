// Public entry point for running a scenario: the flows, servers and tokens, loaded after first paint.

export { runScenario } from './run-scenario.ts'
