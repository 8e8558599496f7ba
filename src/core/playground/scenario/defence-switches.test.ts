import { describe, expect, test } from 'vitest'
import { applyPreset } from './apply-preset.ts'
import { ATTACK_GALLERY } from './attack-gallery.ts'
import {
  defenceIsOn,
  flowOf,
  galleryAttacks,
  hasDefenceSwitch,
  isAttackLoaded,
  switchDefence,
} from './defence-switches.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

const attack = (id: string) => galleryAttacks('delegation').find((candidate) => candidate.id === id)!

describe('the gallery and its defence switches', () => {
  test('list every delegation attack of the gallery, in order, each with its defence', () => {
    expect(galleryAttacks('delegation').map((card) => card.id)).toEqual(
      ATTACK_GALLERY.filter((a) => a.outcome?.reason && flowOf(a) === 'delegation').map((a) => a.id),
    )
  })

  test('switching a defence off from the seed loads that attack with exactly that defence off', () => {
    const stolen = attack('stolen-token')
    const next = switchDefence(SEED_SCENARIO, stolen, false)
    expect(next).toEqual({ ...applyPreset(stolen), defencesOff: ['dpop.key_mismatch'] })
    expect(defenceIsOn(next, stolen)).toBe(false)
    expect(isAttackLoaded(next, stolen)).toBe(true)
  })

  test('switching it back on keeps the attack loaded and restores the defence', () => {
    const stolen = attack('stolen-token')
    const next = switchDefence(switchDefence(SEED_SCENARIO, stolen, false), stolen, true)
    expect(next).toEqual(applyPreset(stolen))
    expect(defenceIsOn(next, stolen)).toBe(true)
  })

  test('switching off on an edited attack keeps the edits when it is still that attack, else loads it', () => {
    const replay = attack('replayed-proof')
    const edited = { ...SEED_SCENARIO, clockOffset: 5 }
    expect(switchDefence(edited, replay, false).clockOffset).toBe(0)
    expect(switchDefence(edited, replay, false).attack).toBe('replayed-proof')
  })
})

describe('which cards carry a switch', () => {
  test('every attack of every flow has a "Defence on" switch, since every flow\'s servers take one', () => {
    expect(galleryAttacks('cross-app')).toHaveLength(8)
    const flows = ['delegation', 'cross-app', 'identity-chaining', 'transaction-tokens'] as const
    for (const flow of flows) expect(galleryAttacks(flow).length).toBeGreaterThan(0)
    for (const attack of flows.flatMap(galleryAttacks)) expect(hasDefenceSwitch(attack)).toBe(true)
  })
})
