import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys } from '../../edited-scenario.fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { auditTrail } from '../../run-views.ts'
import { CODE_REVIEWER } from '../../scenario/seed-scenario.ts'
import { DOMAIN } from './txn-parties.ts'

const txn = async () =>
  runScenario(
    editedScenario((scenario) => (scenario.flow = 'transaction-tokens')),
    { keys: await testKeys(), clock: () => FIXED_NOW },
  )

describe('transaction-token flow', () => {
  test('the call graph is its steps, in the order each call was made', async () => {
    const run = await txn()
    expect(run.steps.filter((step) => step.kind === 'http').map((s) => `${s.from}→${s.to}`)).toEqual([
      'agent→idp',
      'agent→api-gateway',
      'api-gateway→tts',
      'api-gateway→service-a',
      'service-a→tts',
      'service-a→service-b',
    ])
    expect(run.steps.map((step) => step.index)).toEqual(run.steps.map((_, index) => index))
  })

  test("every internal service's audit line names the user and the agent", async () => {
    const lines = auditTrail(await txn()).filter((entry) => entry.by.startsWith('service-'))
    expect(lines.map((entry) => entry.by)).toEqual(['service-a', 'service-b'])
    for (const { event } of lines)
      expect(event).toMatchObject({ decision: 'allow', principal: 'u_marwan', actingAs: CODE_REVIEWER })
  })

  test('the replacement narrows scope, keeps txn, sub and act, and only adds to tctx', async () => {
    const { txnToken, txnReplacement } = (await txn()).tokens
    const first = txnToken!.payload!
    const second = txnReplacement!.payload!
    expect(first).toMatchObject({ aud: DOMAIN.trustDomain, scope: 'read:repo write:issues', sub: 'u_marwan' })
    expect(first.act).toMatchObject({ sub: CODE_REVIEWER })
    expect(second).toMatchObject({ txn: first.txn, sub: first.sub, act: first.act, scope: 'read:repo' })
    expect(second.tctx).toEqual({ ...(first.tctx as object), step: 'fetch-diff' })
    expect(second.req_wl).toBe('api-gateway,pr-review')
  })
})

describe('what each hop verified', () => {
  test("the gateway checks the agent's DPoP proof before it exchanges the access token", async () => {
    const run = await txn()
    const edge = run.steps.find((step) => step.from === 'agent' && step.to === 'api-gateway')!
    expect(edge.kind === 'http' && edge.http.request.headers.find(([name]) => name === 'dpop')).toBeTruthy()
    expect(edge.checks).toContainEqual(
      expect.objectContaining({ label: 'DPoP proof key matches the token\'s "cnf.jkt"', ok: true }),
    )
  })

  test('each internal service lists the Txn-Token checks it passed', async () => {
    const run = await txn()
    for (const to of ['service-a', 'service-b']) {
      const step = run.steps.find((each) => each.to === to)!
      expect(step.checks.map((check) => [check.label, check.ok])).toEqual([
        ['the Txn-Token is signed by this domain’s TTS', true],
        ['the Txn-Token’s aud is this trust domain', true],
        ['the Txn-Token has not expired', true],
        ['the Txn-Token carries txn, sub, scope and req_wl', true],
        ['the Txn-Token’s scope covers this service’s purpose', true],
      ])
    }
  })
})
