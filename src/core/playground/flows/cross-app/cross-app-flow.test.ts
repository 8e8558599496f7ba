import { decodeProtectedHeader } from 'jose'
import { describe, expect, test } from 'vitest'
import { FIXED_NOW, testKeys } from '../../edited-scenario.fixture.ts'
import { runScenario } from '../../run-scenario.ts'
import { decisiveAudit } from '../../run-views.ts'
import { applyPreset } from '../../scenario/apply-preset.ts'
import { CROSS_APP_PRESETS } from '../../scenario/cross-app-presets.ts'
import { decodePermalink } from '../../scenario/decode-permalink.ts'
import { encodePermalink } from '../../scenario/encode-permalink.ts'
import { restoreScenario } from '../../scenario/restore-scenario.ts'
import { SEED_SCENARIO } from '../../scenario/seed-scenario.ts'

const run = async (id: string) =>
  runScenario(applyPreset(CROSS_APP_PRESETS.find((preset) => preset.id === id)!), {
    keys: await testKeys(),
    clock: () => FIXED_NOW,
  })

describe('the cross-app flow', () => {
  test('signs in, gets an ID-JAG, redeems it and calls the MCP tool, in four steps', async () => {
    const result = await run('cross-app')
    expect(result.flow).toBe('cross-app')
    expect(result.outcome).toEqual({ kind: 'accepted' })
    expect(result.steps.map((step) => [step.from, step.to, step.label])).toEqual([
      ['user', 'agent', "Sign in: the agent holds the user's ID token"],
      ['agent', 'idp', 'POST /token'],
      ['agent', 'resource-as', 'POST /token'],
      ['agent', 'mcp-server', 'POST /mcp'],
    ])
    expect(result.parties.map((party) => party.kind)).toEqual([
      'user',
      'agent',
      'idp',
      'authorization-server',
      'mcp-server',
      'audit-log',
    ])
  })

  test('the ID-JAG is typed oauth-id-jag+jwt and answered as issued_token_type id-jag, token_type N_A', async () => {
    const result = await run('cross-app')
    expect(result.tokens.idJag!.header).toMatchObject({ typ: 'oauth-id-jag+jwt' })
    const idpStep = result.steps[1]!
    expect(idpStep.kind === 'http' && JSON.parse(idpStep.http.response.body)).toMatchObject({
      issued_token_type: 'urn:ietf:params:oauth:token-type:id-jag',
      token_type: 'N_A',
    })
    expect(result.tokens.idToken!.payload).toMatchObject({ amr: ['hwk', 'user'], sub: 'u_marwan' })
    expect(decodeProtectedHeader(result.tokens.delegated!.encoded).typ).toBe('at+jwt')
  })

  test('the access token is DPoP-bound and the MCP server logs the user as principal and the agent as acting client', async () => {
    const result = await run('cross-app')
    expect(result.tokens.delegated!.payload).toMatchObject({
      sub: 'u_marwan',
      client_id: 'mcp_code_reviewer',
      act: { sub: SEED_SCENARIO.actor.spiffeId },
      cnf: { jkt: expect.any(String) },
    })
    const audit = decisiveAudit(result)!
    expect(audit.by).toBe('mcp-server')
    expect(audit.line).toMatch(/principal=u_marwan acting_as=spiffe:\/\/prod\/agent\/code-reviewer\/v3/)
    const mcpStep = result.steps[3]!
    expect(mcpStep.kind === 'http' && JSON.parse(mcpStep.http.response.body)).toMatchObject({
      jsonrpc: '2.0',
      result: { isError: false },
    })
  })

  test('the replayed ID-JAG shows both redemptions, the second refused', async () => {
    const result = await run('id-jag-replayed')
    const redemptions = result.steps.filter((step) => step.to === 'resource-as')
    expect(redemptions.map((step) => step.decision.accepted)).toEqual([true, false])
    expect(redemptions[1]!.from).toBe('attacker')
  })

  test('a link made before the cross-app flow opens with its fields filled from the seed', () => {
    const restored = restoreScenario({ version: 1, flow: 'cross-app' })
    expect(restored.notices).toEqual([])
    expect(restored.scenario.crossApp).toEqual(SEED_SCENARIO.crossApp)
    expect(restoreScenario({ version: 1 }).scenario.flow).toBe('delegation')
  })

  test.each(CROSS_APP_PRESETS.map((preset) => [preset.id, preset] as const))(
    'a permalink to %s carries the flow and its fields',
    async (_id, preset) => {
      const scenario = applyPreset(preset)
      const { fragment } = await encodePermalink(scenario)
      expect(await decodePermalink(`#${fragment}`)).toEqual({ scenario, notices: [] })
      expect(scenario.flow).toBe('cross-app')
    },
  )

  test.each(CROSS_APP_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s runs to the outcome it promises',
    async (id, preset) => {
      const result = await run(id)
      if (preset.outcome === null) {
        expect(result.outcome).toEqual({ kind: 'accepted' })
        return
      }
      const { refusedBy, error } = preset.outcome
      const { reason, at } = preset.stop!
      expect(result.outcome).toMatchObject({ kind: 'refused', error: { code: error, reason } })
      const stopped = result.outcome.kind === 'refused' ? result.steps[result.outcome.step]! : null
      expect(stopped?.to).toBe(at)
      expect(result.parties.find((party) => party.id === stopped?.to)?.kind).toBe(refusedBy)
    },
  )
})
