// Test fixture: runs a gallery attack with its "Defence on" switch on or off, and reads what the vulnerable server skipped.
import { expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../protocol/idp/exchange-fixture.ts'
import type { Run } from '../run.ts'
import { runScenario } from '../run-scenario.ts'
import { applyPreset } from '../scenario/apply-preset.ts'
import { switchDefence, type GalleryAttack } from '../scenario/defence-switches.ts'
import type { Preset } from '../scenario/presets.ts'

/** A flow's attack presets as `test.each` rows: every one names its defence, as a gallery card does. */
export const attackRows = (presets: readonly Preset[]) =>
  presets.map((preset) => [preset.id, preset as GalleryAttack] as const)

/** Runs the attack as its card does, with the switch on or off, at the fixture's fixed time. */
export const runWithDefence = async (attack: GalleryAttack, on: boolean): Promise<Run> =>
  runScenario(switchDefence(applyPreset(attack), attack, on), {
    keys: await testKeys(),
    clock: () => FIXED_NOW,
  })

/** What the servers at the attack's stop recorded as skipped: one line per check a defence let through. */
export const skippedAtStop = (run: Run, attack: GalleryAttack): string[] =>
  run.steps
    .filter((step) => step.to === attack.stop?.at && step.vulnerable)
    .flatMap((step) => step.checks.filter((check) => check.skipped).map((check) => check.detail ?? ''))

/**
 * The two tests every attack of a flow with switches gets: refused with its error and reason while its
 * defence is on, by servers none of which is vulnerable; accepted with it off, the server at the attack's
 * stop recording the check it skipped. `alsoWhenAccepted` adds the flow's own expectations of that run.
 */
export function testDefenceSwitches(presets: readonly Preset[], alsoWhenAccepted: (run: Run) => void): void {
  test.each(attackRows(presets))('%s: refused with the defence on', async (_id, attack) => {
    const result = await runWithDefence(attack, true)
    expect(result.outcome.kind === 'refused' && result.outcome.error).toMatchObject({
      code: attack.outcome.error,
      reason: attack.outcome.reason,
    })
    expect(result.steps.some((step) => step.vulnerable)).toBe(false)
  })

  test.each(attackRows(presets))(
    '%s: accepted with it off, the refusing server recording the check it skipped',
    async (_id, attack) => {
      const result = await runWithDefence(attack, false)
      expect(result.outcome).toEqual({ kind: 'accepted' })
      expect(skippedAtStop(result, attack)).toContainEqual(
        expect.stringContaining(`would have refused (${attack.outcome.reason})`),
      )
      alsoWhenAccepted(result)
    },
  )
}
