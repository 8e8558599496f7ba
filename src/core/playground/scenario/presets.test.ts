import { refusalName } from '../../protocol/errors/refusal.ts'
import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { decisiveAudit, refusalBy } from '../run-views.ts'
import { applyPreset } from './apply-preset.ts'
import { PRESETS } from './presets.ts'
import { restoreScenario } from './restore-scenario.ts'

describe('presets', () => {
  test('have unique ids, a note each, and a defence for every attack', () => {
    expect(new Set(PRESETS.map((preset) => preset.id)).size).toBe(PRESETS.length)
    for (const preset of PRESETS) {
      expect(preset.note.length).toBeGreaterThan(20)
      if (preset.kind === 'attack') expect(preset.defence).toBeTruthy()
    }
  })

  test.each(PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s is a valid change from the seed',
    (_id, preset) => {
      const restored = restoreScenario({ version: 1, ...preset.change })
      expect(restored.notices).toEqual([])
      // Applying a preset skips the schema at run time; this is what makes that safe.
      expect(applyPreset(preset)).toEqual(restored.scenario)
    },
  )

  // The identity-chaining and transaction-token presets run to their outcomes in flow-presets.test.ts,
  // the cross-app ones in flows/cross-app/cross-app-flow.test.ts.
  const delegationPresets = PRESETS.filter((preset) => preset.change.flow === undefined)
  test.each(delegationPresets.map((preset) => [preset.id, preset] as const))(
    '%s runs to the outcome it promises',
    async (_id, preset) => {
      const run = await runScenario(applyPreset(preset), { keys: await testKeys(), clock: () => FIXED_NOW })
      if (preset.outcome === null) {
        expect(run.outcome).toEqual({ kind: 'accepted' })
        expect(refusalBy(run, 'idp')).toBeNull()
        expect(refusalBy(run, 'resource-server')).toBeNull()
        expect(decisiveAudit(run)!.line).not.toMatch(/decision=deny/)
      } else {
        const error = refusalBy(run, preset.outcome.refusedBy)
        expect(error && refusalName(error)).toBe(preset.outcome.error)
        expect(run.outcome).toMatchObject({ kind: 'refused', error: { code: preset.outcome.error } })
        expect(decisiveAudit(run)!.by).toBe(preset.outcome.refusedBy)
        expect(decisiveAudit(run)!.line).toMatch(new RegExp(`decision=deny error=${preset.outcome.error}`))
      }
    },
  )

  test('the delegation chain shows both actors in the audit line, current first', async () => {
    const run = await runScenario(applyPreset(PRESETS.find((p) => p.id === 'delegation-chain')!), {
      keys: await testKeys(),
      clock: () => FIXED_NOW,
    })
    expect(decisiveAudit(run)!.line).toMatch(
      /acting_as=spiffe:\/\/prod\/agent\/test-runner\/v1 via=spiffe:\/\/prod\/agent\/code-reviewer\/v3 attestation=github-oidc/,
    )
  })

  test('the seed preset is the seed scenario', () => {
    expect(applyPreset(PRESETS[0]!)).toEqual(editedScenario())
  })
})
