import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { attackRows, runWithDefence, skippedAtStop } from '../defence-switch-fixture.ts'
import { auditTrail } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { TXN_ATTACK_PRESETS } from '../../scenario/txn-presets.ts'

const attacks = attackRows(TXN_ATTACK_PRESETS)
const run = runWithDefence

describe('transaction-token attacks against servers with their defence switched off', () => {
  test.each(attacks)('%s: refused with the defence on', async (_id, attack) => {
    const result = await run(attack, true)
    expect(result.outcome.kind).toBe('refused')
    if (result.outcome.kind !== 'refused') return
    expect(result.outcome.error).toMatchObject({ code: attack.outcome.error, reason: attack.outcome.reason })
    expect(result.steps.some((step) => step.vulnerable)).toBe(false)
  })

  test.each(attacks)(
    '%s: accepted with it off, the refusing server recording the check it skipped',
    async (_id, attack) => {
      const result = await run(attack, false)
      expect(result.outcome).toEqual({ kind: 'accepted' })
      expect(skippedAtStop(result, attack)).toContainEqual(
        expect.stringContaining(`would have refused (${attack.outcome.reason})`),
      )
      // Even a vulnerable service's audit line names the user and the agent.
      const services = auditTrail(result).filter((entry) => entry.by.startsWith('service-'))
      for (const { event } of services)
        expect(event).toMatchObject({ decision: 'allow', principal: 'u_marwan', actingAs: CODE_REVIEWER })
    },
  )

  test('each switch skips only its own check: the tctx defence off does not let a widened scope through', async () => {
    const widens = TXN_ATTACK_PRESETS.find((preset) => preset.id === 'txn-replacement-widens')!
    const scenario = { ...applyPreset(widens), defencesOff: ['txn.tctx_tampered' as const] }
    const result = await runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })
    expect(result.outcome.kind === 'refused' && result.outcome.error.reason).toBe('txn.scope_widened')
  })
})
