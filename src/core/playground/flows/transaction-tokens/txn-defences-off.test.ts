import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { testDefenceSwitches } from '../defence-switch-fixture.ts'
import { auditTrail } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { TXN_ATTACK_PRESETS } from '../../scenario/txn-presets.ts'

describe('transaction-token attacks against servers with their defence switched off', () => {
  // Even a vulnerable service's audit line names the user and the agent.
  testDefenceSwitches(TXN_ATTACK_PRESETS, (result) => {
    const services = auditTrail(result).filter((entry) => entry.by.startsWith('service-'))
    for (const { event } of services)
      expect(event).toMatchObject({ decision: 'allow', principal: 'u_marwan', actingAs: CODE_REVIEWER })
  })

  test('each switch skips only its own check: the tctx defence off does not let a widened scope through', async () => {
    const widens = TXN_ATTACK_PRESETS.find((preset) => preset.id === 'txn-replacement-widens')!
    const scenario = { ...applyPreset(widens), defencesOff: ['txn.tctx_tampered' as const] }
    const result = await runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })
    expect(result.outcome.kind === 'refused' && result.outcome.error.reason).toBe('txn.scope_widened')
  })
})
