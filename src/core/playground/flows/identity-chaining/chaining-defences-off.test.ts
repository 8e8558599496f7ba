import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { runWithDefence, testDefenceSwitches } from '../defence-switch-fixture.ts'
import { auditTrail } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import type { GalleryAttack } from '../../scenario/defence-switches.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { CHAINING_ATTACK_PRESETS } from '../../scenario/chaining-presets.ts'

describe('identity-chaining attacks against servers with their defence switched off', () => {
  // B's API still writes its audit line: the user as the accepted token names them, and the agent.
  testDefenceSwitches(CHAINING_ATTACK_PRESETS, (result) => {
    const api = auditTrail(result).filter((entry) => entry.by === 'domain-b-rs')
    expect(api.map(({ event }) => event.actingAs)).toEqual([CODE_REVIEWER])
  })

  test('with the splice defence off, domain A adds the agent again and B carries the spliced chain', async () => {
    const splice = CHAINING_ATTACK_PRESETS.find((preset) => preset.id === 'chaining-act-spliced')!
    const result = await runWithDefence(splice as GalleryAttack, false)
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
