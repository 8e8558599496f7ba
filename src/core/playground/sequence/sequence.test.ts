import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys, type ScenarioEdit } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { FLOW_IDS } from '../scenario/scenario.ts'
import { narrowingLedger } from './narrowing-ledger.ts'
import { sequenceRows } from './sequence-rows.ts'
import { sentenceText, whatToLookAt } from './what-to-look-at.ts'

const run = async (edit?: ScenarioEdit) =>
  runScenario(editedScenario(edit), { keys: await testKeys(), clock: () => FIXED_NOW })
const texts = async (edit?: ScenarioEdit) => whatToLookAt(await run(edit)).map(sentenceText)

describe('sequence rows', () => {
  test('the seed: the agent exchanges at the IdP, then calls the resource server; both accepted', async () => {
    const rows = sequenceRows(await run())
    const http = rows.filter((row) => row.answer !== null)
    expect(http.map((row) => row.summary)).toEqual([
      'agent → IdP: POST /token → 200',
      'agent → resource server: GET /repos/marwan/playground → 200',
    ])
    expect(http.map((row) => row.state)).toEqual(['accepted', 'accepted'])
    expect(http[0]!.sent).toBe('POST /token · subject_token + actor_token + DPoP')
    expect(http[0]!.answer).toBe('200 · DPoP-bound token')
    expect(http[1]!.sent).toBe('GET /repos/marwan/playground · DPoP token + DPoP')
    expect(http.map((row) => row.pane)).toEqual(['token-request', 'resource-request'])
    expect(rows.every((row) => row.key === `step-${row.step}`)).toBe(true)
  })

  test('an audience outside policy stops at the IdP with invalid_target; the resource server is not reached', async () => {
    const rows = sequenceRows(await run((s) => void (s.request.audiences = ['api.stripe.com'])))
    const refused = rows.find((row) => row.state === 'refused')!
    expect(refused.summary).toBe('agent → IdP: POST /token → 400 invalid_target')
    expect(refused.refusal).toMatchObject({ code: 'invalid_target', spec: expect.stringContaining('RFC') })
    expect(refused.pane).toBe('token-response')
    const last = rows.at(-1)!
    expect(last).toMatchObject({
      state: 'not-reached',
      step: null,
      summary: 'agent → resource server: not reached',
    })
  })

  test('the replayed proof shows both resource calls, the second refused', async () => {
    const rows = sequenceRows(await run((s) => void (s.attack = 'replayed-proof')))
    const calls = rows.filter((row) => row.to.kind === 'resource-server')
    expect(calls.map((row) => [row.from.label, row.state])).toEqual([
      ['agent', 'accepted'],
      ['attacker', 'refused'],
    ])
  })
})

describe('what to look at', () => {
  test('the seed names sub as the user and act.sub as the agent', async () => {
    const [sub, act] = await texts()
    expect(sub).toBe('`sub` is the user, u_marwan: the token acts on their account.')
    expect(act).toContain('`act.sub` is the agent, spiffe://prod/agent/code-reviewer/v3')
  })

  test('without an actor token it says the agent is not recorded', async () => {
    const all = await texts((s) => void (s.request.sendActorToken = false))
    expect(all.join(' ')).toContain('the agent is not recorded')
    expect(all.join(' ')).not.toContain('`act.sub`')
  })

  test('a chain says who acted before whom', async () => {
    const all = await texts((s) => {
      s.user.priorActors = [{ sub: 'spiffe://prod/agent/planner/v1' }]
      s.policy.maxChainDepth = 3
    })
    expect(all.join(' ')).toContain(
      'spiffe://prod/agent/planner/v1 acted before spiffe://prod/agent/code-reviewer/v3',
    )
  })

  test('a refusal says what stopped it, with error, reason and section', async () => {
    const all = await texts((s) => void (s.request.audiences = ['api.stripe.com']))
    expect(all.at(-1)).toMatch(
      /^The IdP stopped it at step \d with invalid_target \(target\.[a-z_]+, RFC [^)]+\): .*[^.]\.$/,
    )
    expect(all.length).toBeGreaterThanOrEqual(2)
    expect(all.length).toBeLessThanOrEqual(5)
  })
})

describe('narrowing ledger', () => {
  test('the seed: scope 4 granted → 2 issued by policy, aud IdP → api.github.com, lifetime 59 min → 10 min', async () => {
    const [scope, aud, exp] = narrowingLedger(await run())
    expect(scope).toMatchObject({
      subject: 'read:repo write:repo write:issues read:org',
      requested: 'read:repo write:issues',
      allowed: 'read:repo write:issues',
      issued: 'read:repo write:issues',
      narrowed: true,
    })
    expect(scope!.rule).toContain('asked for less')
    expect(aud).toMatchObject({
      subject: 'https://idp.lab.marwandiallo.com',
      issued: 'api.github.com',
      narrowed: true,
    })
    expect(exp).toMatchObject({ subject: '59 min left', allowed: '10 min', issued: '10 min', narrowed: true })
    expect(exp!.rule).toBe('policy: maxTtl 600 s')
  })

  test('names the policy rule when it cuts the requested scope', async () => {
    const [scope] = narrowingLedger(
      await run((s) => {
        s.request.scope = 'read:repo write:repo'
        s.policy.delegations[0]!.audiences[0]!.scopes = ['read:repo']
      }),
    )
    expect(scope).toMatchObject({ requested: 'read:repo write:repo', allowed: 'read:repo' })
  })

  test('on a refusal nothing is issued and each row names the refusal', async () => {
    const rows = narrowingLedger(await run((s) => void (s.request.audiences = ['api.stripe.com'])))
    expect(rows.map((row) => row.issued)).toEqual(['—', '—', '—'])
    expect(rows.every((row) => row.rule.startsWith('refused: invalid_target'))).toBe(true)
  })
})

describe('every registered flow', () => {
  test.each(FLOW_IDS)('%s: one row per step, from its own parties, and sentences that fit', async (flow) => {
    const result = await run((s) => void (s.flow = flow))
    const rows = sequenceRows(result)
    const ids = new Set(result.parties.map((party) => party.id))
    expect(rows.filter((row) => row.step !== null)).toHaveLength(result.steps.length)
    expect(rows.every((row) => ids.has(row.from.id) && ids.has(row.to.id))).toBe(true)
    const sentences = whatToLookAt(result)
    expect(sentences.length).toBeGreaterThanOrEqual(1)
    expect(sentences.length).toBeLessThanOrEqual(5)
    expect(narrowingLedger(result).map((row) => row.claim)).toEqual(['scope', 'aud', 'exp'])
  })
})
