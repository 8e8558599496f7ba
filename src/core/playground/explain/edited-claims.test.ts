// Tampered claims are told apart from signed ones, with what was signed.
import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import type { Scenario } from '../scenario/scenario.ts'
import { editedClaims } from './edited-claims.ts'

const run = async (scenario: Scenario) =>
  runScenario(scenario, { keys: await testKeys(), clock: () => FIXED_NOW })

describe('claims edited after signing', () => {
  test('an attacker-set scope is edited, with the signed scope beside it; untouched claims are not', async () => {
    const honest = await run(editedScenario())
    const claims = { ...honest.tokens.delegated!.payload!, scope: 'read:repo write:repo', evil: true }
    const tampered = await run(editedScenario((s) => void (s.edits.tamperedClaims = JSON.stringify(claims))))
    const edited = editedClaims(tampered)
    expect(edited.get('scope')).toEqual({ signed: true, value: 'read:repo write:issues' })
    expect(edited.get('evil')).toEqual({ signed: false })
    expect(edited.has('sub')).toBe(false)
  })

  test('an untampered run has no edited claims', async () => {
    expect(editedClaims(await run(editedScenario())).size).toBe(0)
  })
})
