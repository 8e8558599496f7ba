import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import { galleryAttacks, switchDefence, type GalleryAttack } from '../../scenario/defence-switches.ts'
import { SEED_SCENARIO } from '../../scenario/seed-scenario.ts'

const ATTACKS = galleryAttacks('cross-app').map((attack) => [attack.id, attack] as const)

const run = async (attack: GalleryAttack, defenceOn: boolean) =>
  runScenario(defenceOn ? applyPreset(attack) : switchDefence(SEED_SCENARIO, attack, false), {
    keys: await testKeys(),
    clock: () => FIXED_NOW,
  })

describe('the cross-app attacks and their "Defence on" switches', () => {
  test('every cross-app attack preset is a gallery card', () => {
    expect(ATTACKS.map(([id]) => id)).toEqual([
      'id-jag-at-idp',
      'id-jag-other-audience',
      'id-jag-other-agent',
      'id-jag-replayed',
      'id-jag-expired',
      'access-token-other-mcp',
      'id-jag-scope-escalation',
      'id-token-too-old',
    ])
  })

  test.each(ATTACKS)(
    '%s with its defence on is refused with the promised error and reason',
    async (_id, attack) => {
      const result = await run(attack, true)
      expect(result.outcome).toMatchObject({
        kind: 'refused',
        error: { code: attack.outcome.error, reason: attack.outcome.reason },
      })
      const stopped = result.outcome.kind === 'refused' ? result.steps[result.outcome.step]! : null
      expect(stopped?.checks.some((check) => !check.ok)).toBe(true)
      expect(stopped?.audit[0]?.event.decision).toBe('deny')
      expect(result.steps.some((step) => step.vulnerable)).toBe(false)
    },
  )

  test.each(ATTACKS)(
    '%s with its defence off is accepted, and the skipped check is recorded',
    async (_id, attack) => {
      const result = await run(attack, false)
      expect(result.scenario.defencesOff).toEqual([attack.outcome.reason])
      expect(result.outcome).toEqual({ kind: 'accepted' })
      const skipped = result.steps.flatMap((step) => step.checks).filter((check) => check.skipped)
      expect(skipped).toHaveLength(1)
      expect(skipped[0]!.detail).toContain(attack.outcome.reason)
      expect(result.steps.filter((step) => step.vulnerable)).toHaveLength(1)
    },
  )

  test('a defence of another server switched off changes nothing: the attack is still refused', async () => {
    const replayed = galleryAttacks('cross-app').find((attack) => attack.id === 'id-jag-replayed')!
    const scenario = { ...applyPreset(replayed), defencesOff: ['mcp.wrong_resource' as const] }
    const result = await runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })
    expect(result.outcome).toMatchObject({ kind: 'refused', error: { reason: 'id_jag.replayed' } })
    expect(result.steps.some((step) => step.vulnerable)).toBe(false)
  })

  test('the happy path records the checks of every server and an audit line at each', async () => {
    const happy = await runScenario(
      { ...SEED_SCENARIO, flow: 'cross-app' },
      { keys: await testKeys(), clock: () => FIXED_NOW },
    )
    const served = happy.steps.filter((step) => step.kind === 'http')
    expect(served.map((step) => step.to)).toEqual(['idp', 'resource-as', 'mcp-server'])
    for (const step of served) {
      expect(step.checks.length).toBeGreaterThan(0)
      expect(step.checks.every((check) => check.ok)).toBe(true)
      expect(step.audit[0]?.event.decision).toBe('allow')
      expect(step.audit[0]?.line).toMatch(
        /principal=u_marwan acting_as=spiffe:\/\/prod\/agent\/code-reviewer\/v3/,
      )
    }
  })
})
