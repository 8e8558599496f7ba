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
    const input = {
      ...SEED_SCENARIO,
      policy: { ...SEED_SCENARIO.policy, actorProfile: { actorSubProfile: 'robot' } },
    }
    const { scenario, notices } = restoreScenario(input)
    expect(scenario.policy.actorProfile ?? null).toBeNull()
    // Only the switch is reset: the rest of the policy is kept.
    expect({ ...scenario.policy, actorProfile: undefined }).toEqual({
      ...SEED_SCENARIO.policy,
      actorProfile: undefined,
    })
    expect(notices).toEqual([expect.stringMatching(/^Reset "policy.actorProfile" to its default/)])
  })
})
