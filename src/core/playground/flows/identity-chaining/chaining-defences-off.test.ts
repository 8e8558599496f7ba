import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { attackRows, runWithDefence, skippedAtStop } from '../defence-switch-fixture.ts'
import { auditTrail } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import type { GalleryAttack } from '../../scenario/defence-switches.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { CHAINING_ATTACK_PRESETS } from '../../scenario/chaining-presets.ts'

const attacks = attackRows(CHAINING_ATTACK_PRESETS)
const run = runWithDefence

describe('identity-chaining attacks against servers with their defence switched off', () => {
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
      // B's API still writes its audit line: the user as the accepted token names them, and the agent.
      const api = auditTrail(result).filter((entry) => entry.by === 'domain-b-rs')
      expect(api.map(({ event }) => event.actingAs)).toEqual([CODE_REVIEWER])
    },
  )

  test('with the splice defence off, domain A adds the agent again and B carries the spliced chain', async () => {
    const splice = CHAINING_ATTACK_PRESETS.find((preset) => preset.id === 'chaining-act-spliced')!
    const result = await run(splice as GalleryAttack, false)
    const act = result.tokens.domainB?.payload?.act as { sub: string; act?: { sub: string } }
    expect(act).toMatchObject({ sub: CODE_REVIEWER, act: { sub: CODE_REVIEWER } })
  })

  test('each switch skips only its own check: the replay defence off does not let a third domain’s grant through', async () => {
    const third = CHAINING_ATTACK_PRESETS.find((preset) => preset.id === 'chaining-grant-at-third-domain')!
    const scenario = { ...applyPreset(third), defencesOff: ['chain.grant_replayed' as const] }
    const result = await runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })
    expect(result.outcome.kind === 'refused' && result.outcome.error.reason).toBe(
      'chain.grant_audience_mismatch',
    )
  })
})
