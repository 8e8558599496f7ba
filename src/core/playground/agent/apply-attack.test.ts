import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys } from '../../protocol/idp/exchange-fixture.ts'
import { runScenario } from '../run-scenario.ts'
import type { Attack } from '../scenario/scenario.ts'

const run = async (attack: Attack) =>
  runScenario(
    editedScenario((s) => void (s.attack = attack)),
    { keys: await testKeys(), clock: () => FIXED_NOW },
  )

describe('the resource server stops each attack on the delegated token', () => {
  test.each<[Attack, string, RegExp, number]>([
    ['stolen-token', 'invalid_token', /Invalid DPoP key binding/, 401],
    ['replayed-proof', 'invalid_dpop_proof', /jti/, 401],
    ['proof-for-other-url', 'invalid_dpop_proof', /htu/, 401],
    ['proof-for-other-method', 'invalid_dpop_proof', /htm/, 401],
    ['alg-none', 'invalid_token', /"alg" "none"/, 401],
  ])('refuses %s with %s', async (attack, code, description, status) => {
    const result = await run(attack)
    expect(result.exchangeError).toBeNull()
    expect(result.resourceError).toMatchObject({ code })
    expect(result.resourceError!.description).toMatch(description)
    expect(result.resource!.response.status).toBe(status)
    expect(new Map(result.resource!.response.headers).get('www-authenticate')).toMatch(
      new RegExp(`error="${code}"`),
    )
    expect(result.audit!.line).toMatch(new RegExp(`decision=deny error=${code}`))
  })

  test('a replay is refused only the second time: the first use of the proof was accepted', async () => {
    const result = await run('replayed-proof')
    expect(result.auditTrail.map((entry) => entry.line.includes('decision=deny'))).toEqual([
      false,
      false,
      true,
    ])
  })

  test('the thief proves possession of its own key, which does not match cnf.jkt', async () => {
    const result = await run('stolen-token')
    const keys = await testKeys()
    expect(result.tokens.resourceRequestProof!.header!.jwk).toMatchObject({ x: keys.thiefDpop.publicJwk.x })
  })
})
