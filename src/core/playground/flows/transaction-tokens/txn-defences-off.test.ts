import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { auditTrail } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import { switchDefence } from '../../scenario/defence-switches.ts'
import type { GalleryAttack } from '../../scenario/defence-switches.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { TXN_ATTACK_PRESETS } from '../../scenario/txn-presets.ts'

const run = async (attack: GalleryAttack, defenceOn: boolean) =>
  runScenario(switchDefence(applyPreset(attack), attack, defenceOn), {
    keys: await testKeys(),
    clock: () => FIXED_NOW,
  })

const attacks = TXN_ATTACK_PRESETS.map((preset) => [preset.id, preset as GalleryAttack] as const)

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
      const at = result.steps.filter((step) => step.to === attack.stop!.at && step.vulnerable)
      expect(at.length).toBeGreaterThan(0)
      const skipped = at.flatMap((step) => step.checks.filter((check) => check.skipped))
      expect(skipped.map((check) => check.detail)).toContainEqual(
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
