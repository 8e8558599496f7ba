import { describe, expect, test } from 'vitest'
import { applyChange, type ScenarioChange } from './scenario-change.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

const sections = Object.entries(SEED_SCENARIO)
  .filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value))
  .map(([key]) => key)

describe('applyChange', () => {
  test.each(sections)(
    'merges the %s section field by field, so an empty change keeps it whole',
    (section) => {
      // Built from JSON so that a section added to the schema later is covered without editing this test.
      const change: ScenarioChange = JSON.parse(JSON.stringify({ [section]: {} }))
      expect(applyChange(SEED_SCENARIO, change)).toEqual(SEED_SCENARIO)
    },
  )

  test('replaces lists whole and keeps the fields a change does not name', () => {
    const changed = applyChange(SEED_SCENARIO, {
      user: { amr: ['pwd'] },
      policy: { maxTtl: 300 },
      flow: 'cross-app',
    })
    expect(changed.user).toEqual({ ...SEED_SCENARIO.user, amr: ['pwd'] })
    expect(changed.policy).toEqual({ ...SEED_SCENARIO.policy, maxTtl: 300 })
    expect(changed.flow).toBe('cross-app')
  })

  test('leaves the base untouched, and shares nothing with it', () => {
    const before = structuredClone(SEED_SCENARIO)
    const changed = applyChange(SEED_SCENARIO, { request: { scope: 'read:repo' } })
    changed.user.amr.push('otp')
    changed.policy.delegations.length = 0
    expect(SEED_SCENARIO).toEqual(before)
  })
})
