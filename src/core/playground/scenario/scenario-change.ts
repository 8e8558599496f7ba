// A change to a scenario (what a preset holds), and how it is laid over a base scenario.
import type { Scenario } from './scenario.ts'

/**
 * A change to a scenario, as presets hold them: each section (user, request, policy…) merges field by
 * field into the base; a list or any other value replaces the base's whole.
 */
export type ScenarioChange = {
  [Key in keyof Scenario]?: Scenario[Key] extends readonly unknown[]
    ? Scenario[Key]
    : Scenario[Key] extends object
      ? Partial<Scenario[Key]>
      : Scenario[Key]
}

/** Lays a change over a base scenario (see {@link ScenarioChange}); the base is not modified. */
export function applyChange(base: Scenario, change: ScenarioChange): Scenario {
  return structuredClone({
    ...base,
    ...change,
    user: { ...base.user, ...change.user },
    actor: { ...base.actor, ...change.actor },
    request: { ...base.request, ...change.request },
    policy: { ...base.policy, ...change.policy },
    resourceCall: { ...base.resourceCall, ...change.resourceCall },
    edits: { ...base.edits, ...change.edits },
    crossApp: { ...base.crossApp, ...change.crossApp },
    chaining: { ...base.chaining, ...change.chaining },
    txn: { ...base.txn, ...change.txn },
  })
}
