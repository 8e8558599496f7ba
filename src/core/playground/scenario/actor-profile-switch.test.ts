import { describe, expect, test } from 'vitest'
import { restoreScenario } from './restore-scenario.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

describe('the actor-profile switch in a scenario', () => {
  test('survives restoreScenario, the door for links and pasted JSON', () => {
    const input = structuredClone(SEED_SCENARIO)
    input.policy.actorProfile = { actorSubProfile: 'service' }
    expect(restoreScenario(input)).toEqual({ scenario: input, notices: [] })
  })

  test('an unknown actor kind is not kept', () => {
    const input = structuredClone(SEED_SCENARIO) as unknown as { policy: Record<string, unknown> }
    input.policy.actorProfile = { actorSubProfile: 'robot' }
    expect(restoreScenario(input).scenario.policy.actorProfile ?? null).toBeNull()
  })
})
