import { refusalName } from '../../protocol/errors/refusal.ts'
import { describe, expect, test } from 'vitest'
import { specText } from '../../protocol/errors/reasoned-error.ts'
import { FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import type { Run } from '../run.ts'
import { runScenario } from '../run-scenario.ts'
import { applyPreset } from './apply-preset.ts'
import { CHAINING_ATTACK_PRESETS, CHAINING_PRESETS } from './chaining-presets.ts'
import type { Preset } from './presets.ts'
import { TXN_ATTACK_PRESETS, TXN_PRESETS } from './txn-presets.ts'

const run = async (preset: Preset) =>
  runScenario(applyPreset(preset), { keys: await testKeys(), clock: () => FIXED_NOW })

const kindOf = (result: Run, id: string) => result.parties.find((party) => party.id === id)?.kind

describe('identity-chaining and transaction-token presets', () => {
  test.each([...CHAINING_PRESETS, ...TXN_PRESETS].map((preset) => [preset.id, preset] as const))(
    '%s is accepted end to end, and every step with it',
    async (_id, preset) => {
      const result = await run(preset)
      expect(result.outcome).toEqual({ kind: 'accepted' })
      expect(result.steps.every((step) => step.decision.accepted)).toBe(true)
    },
  )

  test.each(
    [...CHAINING_ATTACK_PRESETS, ...TXN_ATTACK_PRESETS].map((preset) => [preset.id, preset] as const),
  )('%s is refused where it promises, with its error and reason', async (_id, preset) => {
    const result = await run(preset)
    const stop = preset.stop!
    expect(result.outcome.kind).toBe('refused')
    if (result.outcome.kind !== 'refused') return
    const step = result.steps[result.outcome.step]!
    expect(step.to).toBe(stop.at)
    expect(kindOf(result, stop.at)).toBe(preset.outcome!.refusedBy)
    expect(refusalName(result.outcome.error)).toBe(preset.outcome!.error)
    expect(result.outcome.error.reason).toBe(stop.reason)
    expect(preset.outcome!.reason).toBe(stop.reason)
    expect(specText(result.outcome.error.spec)).toBe(stop.spec)
    // The refusal is on the wire too: the step's response carries the same error code.
    expect(step.kind).toBe('http')
    if (step.kind === 'http')
      expect(JSON.parse(step.http.response.body)).toMatchObject({ error: preset.outcome!.error })
  })
})
