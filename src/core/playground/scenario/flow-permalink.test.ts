import { describe, expect, test } from 'vitest'
import { applyPreset } from './apply-preset.ts'
import { decodePermalink } from './decode-permalink.ts'
import { encodePermalink } from './encode-permalink.ts'
import { PRESETS } from './presets.ts'
import { restoreScenario } from './restore-scenario.ts'

const preset = (id: string) => applyPreset(PRESETS.find((each) => each.id === id)!)

describe('links to the identity-chaining and transaction-token flows', () => {
  test.each(['identity-chaining', 'chaining-act-spliced', 'transaction-tokens', 'txn-tampered-tctx'])(
    'a link to %s opens the same flow and attack',
    async (id) => {
      const scenario = preset(id)
      const { fragment } = await encodePermalink(scenario)
      expect(await decodePermalink(`#${fragment}`)).toEqual({ scenario, notices: [] })
    },
  )

  test('a version 1 scenario from before these flows restores with no attack on either', () => {
    const { scenario, notices } = restoreScenario({ version: 1, flow: 'delegation', attack: 'none' })
    expect(notices).toEqual([])
    expect(scenario).toMatchObject({ chaining: { attack: 'none' }, txn: { attack: 'none' } })
  })

  test('an unknown attack resets to none, with a notice', () => {
    const { scenario, notices } = restoreScenario({
      version: 1,
      flow: 'identity-chaining',
      chaining: { attack: 'steal-everything' },
    })
    expect(scenario.flow).toBe('identity-chaining')
    expect(scenario.chaining.attack).toBe('none')
    expect(notices).toEqual([expect.stringMatching(/^Reset "chaining.attack" to its default/)])
  })
})
