import { refusalName } from '../../protocol/errors/refusal.ts'
import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import type { Run } from '../run.ts'
import { applyPreset } from './apply-preset.ts'
import { galleryAttacks } from './defence-switches.ts'
import type { Preset } from './presets.ts'
import { restoreScenario } from './restore-scenario.ts'

const run = async (preset: Preset, defenceOn: boolean): Promise<Run> => {
  const scenario = applyPreset(preset)
  const reason = preset.outcome?.reason
  return runScenario(defenceOn || !reason ? scenario : { ...scenario, defencesOff: [reason] }, {
    keys: await testKeys(),
    clock: () => FIXED_NOW,
  })
}
// The delegation flow's attacks: the ones whose servers take defence switches so far.
const DELEGATION = galleryAttacks('delegation')
const attacks = DELEGATION.map((attack) => [attack.id, attack] as const)

describe('the attack gallery', () => {
  test('names, for every delegation attack, the defence that stops it by its reason id', () => {
    expect(DELEGATION.map((attack) => attack.id)).toEqual([
      'scope-escalation',
      'audience-outside-policy',
      'may-act-mismatch',
      'expired-subject-token',
      'untrusted-actor-issuer',
      'stolen-token',
      'replayed-proof',
      'proof-for-other-url',
      'proof-for-other-method',
      'alg-none',
      'tampered-claims',
    ])
  })

  test.each(attacks)('%s is refused by the expected server with the expected reason', async (_id, attack) => {
    const result = await run(attack, true)
    expect(result.outcome.kind).toBe('refused')
    if (result.outcome.kind !== 'refused') return
    const stopped = result.steps[result.outcome.step]!
    expect(result.parties.find((party) => party.id === stopped.to)?.kind).toBe(attack.outcome!.refusedBy)
    expect(refusalName(result.outcome.error)).toBe(attack.outcome!.error)
    expect(result.outcome.error.reason).toBe(attack.outcome!.reason)
    expect(result.steps.some((step) => step.vulnerable)).toBe(false)
  })

  test.each(attacks)('%s is accepted, by a vulnerable server, with its defence off', async (_id, attack) => {
    const result = await run(attack, false)
    expect(result.outcome).toEqual({ kind: 'accepted' })
    const vulnerable = result.steps.filter((step) => step.vulnerable)
    expect(vulnerable.length).toBeGreaterThan(0)
    // The defence that was off is the one the server skipped, recorded as such in its checks.
    const skipped = vulnerable.flatMap((step) => step.checks.filter((check) => check.skipped))
    expect(skipped.every((check) => check.ok && check.by === vulnerable[0]!.checks[0]!.by)).toBe(true)
    expect(skipped.some((check) => check.detail?.includes('skipped (defence off)'))).toBe(true)
    // The same server that refused it with the defence on accepted it.
    const kinds = vulnerable.map((step) => result.parties.find((party) => party.id === step.to)?.kind)
    expect(kinds).toContain(attack.outcome!.refusedBy)
  })

  test('an unrelated defence switched off changes nothing: the attack is still refused, nothing is vulnerable', async () => {
    const stolen = DELEGATION.find((attack) => attack.id === 'stolen-token')!
    const scenario = { ...applyPreset(stolen), defencesOff: ['dpop.htu_mismatch' as const] }
    const result = await runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })
    expect(result.outcome).toMatchObject({ kind: 'refused', error: { reason: 'dpop.key_mismatch' } })
    expect(result.steps.some((step) => step.vulnerable)).toBe(false)
  })

  test('a link keeps the switched-off defence, and a v1 link without the field restores to all defences on', () => {
    const withSwitch = restoreScenario({ version: 1, defencesOff: ['dpop.key_mismatch'] })
    expect(withSwitch.notices).toEqual([])
    expect(withSwitch.scenario.defencesOff).toEqual(['dpop.key_mismatch'])
    expect(restoreScenario({ version: 1 }).scenario.defencesOff).toEqual([])
    const unknown = restoreScenario({ version: 1, defencesOff: ['no.such_defence'] })
    expect(unknown.scenario.defencesOff).toEqual([])
    expect(unknown.notices.length).toBeGreaterThan(0)
  })
})
