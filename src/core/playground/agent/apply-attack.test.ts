import { describe, expect, test } from 'vitest'
import { snapshotHeader } from '../../protocol/http/http-snapshot.ts'
import { editedScenario, FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { auditTrail, decisiveAudit, httpStepsTo, refusalBy } from '../run-views.ts'
import type { Run } from '../run.ts'
import type { Attack } from '../scenario/scenario.ts'

const resourceCall = (run: Run) => httpStepsTo(run, 'resource-server').at(-1)?.http ?? null
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
    expect(refusalBy(result, 'idp')).toBeNull()
    expect(refusalBy(result, 'resource-server')).toMatchObject({ code })
    expect(refusalBy(result, 'resource-server')!.description).toMatch(description)
    expect(resourceCall(result)!.response.status).toBe(status)
    expect(new Map(resourceCall(result)!.response.headers).get('www-authenticate')).toMatch(
      new RegExp(`error="${code}"`),
    )
    expect(decisiveAudit(result)!.line).toMatch(new RegExp(`decision=deny error=${code}`))
  })

  test('a replay is refused only the second time: the first use of the proof was accepted', async () => {
    const result = await run('replayed-proof')
    expect(auditTrail(result).map((entry) => entry.line.includes('decision=deny'))).toEqual([
      false,
      false,
      true,
    ])
  })

  test("a replay shows both resource calls as steps: the agent's accepted, the attacker's copy refused", async () => {
    const result = await run('replayed-proof')
    const calls = httpStepsTo(result, 'resource-server')
    expect(calls.map((step) => [step.from, step.http.response.status])).toEqual([
      ['agent', 200],
      ['attacker', 401],
    ])
    // The very same request went twice: same proof, same jti.
    expect(snapshotHeader(calls[1]!.http.request, 'dpop')).toBe(
      snapshotHeader(calls[0]!.http.request, 'dpop'),
    )
    expect(calls[0]!.decision).toEqual({ accepted: true })
    expect(calls[1]!.decision).toMatchObject({ accepted: false, error: { code: 'invalid_dpop_proof' } })
    expect(result.outcome).toMatchObject({ kind: 'refused', step: calls[1]!.index })
    expect(calls[1]!.audit.map((entry) => entry.line)).toEqual([expect.stringMatching(/decision=deny/)])
  })

  test('the thief proves possession of its own key, which does not match cnf.jkt', async () => {
    const result = await run('stolen-token')
    const keys = await testKeys()
    expect(result.tokens.resourceRequestProof!.header!.jwk).toMatchObject({ x: keys.thiefDpop.publicJwk.x })
  })
})
