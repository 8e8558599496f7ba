import { describe, expect, test } from 'vitest'
import { actorChain } from '../../../protocol/audit/actor-chain.ts'
import { editedScenario, FIXED_NOW, testKeys } from '../../edited-scenario.fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { auditTrail } from '../../run-views.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { CHAINED_SUBJECTS, DOMAINS } from './chaining-parties.ts'

const chained = async (edit: (scenario: Scenario) => void = () => {}) =>
  runScenario(
    editedScenario((scenario) => {
      scenario.flow = 'identity-chaining'
      edit(scenario)
    }),
    {
      keys: await testKeys(),
      clock: () => FIXED_NOW,
    },
  )

describe('identity-chaining flow', () => {
  test('goes agent → domain A AS (grant) → domain B AS (token) → domain B RS, after the delegation exchange', async () => {
    const run = await chained()
    expect(
      run.steps.filter((step) => step.kind === 'http').map((s) => `${s.from}→${s.to} ${s.label}`),
    ).toEqual([
      'agent→idp POST /token',
      'agent→idp POST /chaining/token',
      'agent→domain-b-as POST /token',
      'agent→domain-b-rs GET /repos/marwan/playground',
    ])
    expect(run.parties.map((party) => party.label)).toEqual(
      expect.arrayContaining(['user', 'agent', 'domain A AS', 'domain B AS', 'domain B RS', 'audit log']),
    )
  })

  test('keeps act unchanged across both hops while sub changes form in each domain', async () => {
    const run = await chained()
    const { domainA, grant, domainB } = run.tokens
    expect(actorChain(grant!.payload!)).toEqual([CODE_REVIEWER])
    expect(grant!.payload!.act).toEqual(domainA!.payload!.act)
    expect(domainB!.payload!.act).toEqual(domainA!.payload!.act)
    expect([domainA!.payload!.sub, grant!.payload!.sub, domainB!.payload!.sub]).toEqual([
      'u_marwan',
      CHAINED_SUBJECTS.inGrant,
      CHAINED_SUBJECTS.atB,
    ])
    expect(grant!.payload!.aud).toBe(DOMAINS.b)
    // The hops' notes: the sign-in step has its own ("simulated passkey: …").
    const hopNotes = run.steps.map((step) => step.note).filter((note) => note?.startsWith('sub '))
    expect(hopNotes).toEqual([
      `sub u_marwan → ${CHAINED_SUBJECTS.inGrant}; act ${CODE_REVIEWER} kept`,
      `sub ${CHAINED_SUBJECTS.inGrant} → ${CHAINED_SUBJECTS.atB}; act ${CODE_REVIEWER} kept`,
    ])
  })

  test("B's API writes an audit line naming B's user and the agent", async () => {
    const last = auditTrail(await chained()).at(-1)!
    expect(last.by).toBe('domain-b-rs')
    expect(last.event).toMatchObject({
      decision: 'allow',
      principal: CHAINED_SUBJECTS.atB,
      actingAs: CODE_REVIEWER,
    })
  })

  test('stops before any hop when domain A refuses the delegation exchange', async () => {
    const run = await chained((scenario) => (scenario.request.scope = 'read:repo delete:repo'))
    expect(run.outcome).toMatchObject({ kind: 'refused', error: { code: 'invalid_scope' } })
    expect(run.steps.some((step) => step.to === 'domain-b-as')).toBe(false)
  })
})
