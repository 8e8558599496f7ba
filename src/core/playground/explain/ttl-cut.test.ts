// A requested lifetime the IdP cut is reported with both numbers.
import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys, type ScenarioEdit } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { describeTtlCut } from './ttl-cut.ts'

const cut = async (edit: ScenarioEdit) =>
  describeTtlCut(await runScenario(editedScenario(edit), { keys: await testKeys(), clock: () => FIXED_NOW }))

describe('describing a cut lifetime', () => {
  test('9999 s asked under a 600 s policy reads "asked for 9999 s, policy allows 600 s"', async () => {
    expect(await cut((s) => void ((s.request.requestedTtl = 9999), (s.policy.maxTtl = 600)))).toBe(
      'asked for 9999 s, policy allows 600 s',
    )
  })

  test('says nothing when the lifetime asked for was granted, or none was asked', async () => {
    expect(await cut((s) => void ((s.request.requestedTtl = 120), (s.policy.maxTtl = 600)))).toBeNull()
    expect(await cut((s) => void (s.request.requestedTtl = null))).toBeNull()
  })
})
