import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseScenarioJson } from './parse-scenario-json.ts'
import { restoreScenario } from './restore-scenario.ts'
import { scenarioSchema } from './scenario-schema.ts'
import { SEED_SCENARIO } from './seed-scenario.ts'

describe('restoreScenario', () => {
  test('returns the seed unchanged, with no notices', () => {
    expect(restoreScenario(structuredClone(SEED_SCENARIO))).toEqual({ scenario: SEED_SCENARIO, notices: [] })
  })

  test('fills every missing field from the seed', () => {
    const { scenario, notices } = restoreScenario({ version: 1, request: { scope: 'read:repo' } })
    expect(scenario).toEqual({ ...SEED_SCENARIO, request: { ...SEED_SCENARIO.request, scope: 'read:repo' } })
    expect(notices).toEqual([])
  })

  test.each<[string, unknown, (s: typeof SEED_SCENARIO) => unknown, unknown, RegExp]>([
    [
      'resets a field of the wrong type',
      { user: { sub: 42 } },
      (s) => s.user.sub,
      'u_marwan',
      /Reset "user.sub" to its default/,
    ],
    [
      'resets an unknown attestation platform',
      { actor: { attestation: 'trust-me' } },
      (s) => s.actor.attestation,
      'github-oidc',
      /Reset "actor.attestation"/,
    ],
    [
      'resets an oversized string',
      { user: { sub: 'x'.repeat(10_000) } },
      (s) => s.user.sub,
      'u_marwan',
      /Reset "user.sub"/,
    ],
    [
      'drops a bad item from a list and keeps the rest',
      { request: { audiences: ['api.github.com', 7, 'b'] } },
      (s) => s.request.audiences,
      ['api.github.com', 'b'],
      /Dropped "request.audiences.1"/,
    ],
    [
      'ignores unknown fields',
      { user: { password: 'hunter2' } },
      (s) => 'password' in s.user,
      false,
      /Ignored unknown field "user.password"/,
    ],
    [
      'resets a negative maximum lifetime',
      { policy: { maxTtl: -1 } },
      (s) => s.policy.maxTtl,
      600,
      /Reset "policy.maxTtl"/,
    ],
    [
      'resets a path that does not start with a slash',
      { resourceCall: { path: 'javascript:alert(1)' } },
      (s) => s.resourceCall.path,
      '/repos/marwan/playground',
      /Reset "resourceCall.path"/,
    ],
  ])('%s, and says so', (_name, input, pick, expected, notice) => {
    const { scenario, notices } = restoreScenario({ version: 1, ...(input as object) })
    expect(pick(scenario)).toEqual(expected)
    expect(notices.join('\n')).toMatch(notice)
  })

  test('never lets __proto__ reach an object prototype', () => {
    const { scenario, notices } = restoreScenario(
      JSON.parse('{"version":1,"__proto__":{"polluted":true},"user":{"__proto__":{"sub":"evil"}}}'),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(scenario.user)).toBe(Object.prototype)
    expect(scenario.user.sub).toBe('u_marwan')
    expect(notices).toContain('Ignored "__proto__".')
  })

  test('opens the seed for input that is not an object', () => {
    for (const input of [null, 'x', 42, [1, 2], undefined]) {
      const { scenario, notices } = restoreScenario(input)
      expect(scenario).toEqual(SEED_SCENARIO)
      expect(notices).toEqual(['The scenario was not a JSON object; showing the seed scenario.'])
    }
  })

  test('says when a scenario comes from a newer version', () => {
    expect(restoreScenario({ version: 9 }).notices[0]).toMatch(/from a newer version \(9\)/)
  })

  test('turns any JSON value into a scenario the schema accepts, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(scenarioSchema.safeParse(restoreScenario(value).scenario).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  test('repairs scenario-shaped junk: any value in any field still yields a valid scenario', () => {
    const junk = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.dictionary(fc.string(), fc.string()),
    )
    const shaped = fc.record({
      version: fc.constant(1),
      user: fc.record({ sub: junk, amr: junk, grantedScopes: junk, priorActors: junk }, { requiredKeys: [] }),
      actor: fc.record({ spiffeId: junk, attestation: junk, tokenTtl: junk }, { requiredKeys: [] }),
      request: fc.record(
        { audiences: junk, scope: junk, requestedTtl: junk, dpop: junk },
        { requiredKeys: [] },
      ),
      policy: fc.record({ delegations: junk, maxTtl: junk }, { requiredKeys: [] }),
      clockOffset: junk,
      edits: junk,
    })
    fc.assert(
      fc.property(
        shaped,
        (value) => void expect(scenarioSchema.safeParse(restoreScenario(value).scenario).success).toBe(true),
      ),
      { numRuns: 300 },
    )
  })
})

describe('restoreScenario mends each field on its own, in one pass', () => {
  test('drops a list item with several invalid fields once, and keeps the items after it', () => {
    const good = { clientId: 'a_ok', spiffeId: 'spiffe://prod/agent/ok' }
    const { scenario, notices } = restoreScenario({
      version: 1,
      policy: { clients: [{ clientId: 1, spiffeId: 2 }, good] },
    })
    expect(scenario.policy.clients).toEqual([good])
    expect(notices).toEqual([expect.stringMatching(/^Dropped "policy.clients.0": /)])
  })

  test('does not throw on a broken list item inside another list item', () => {
    const { scenario, notices } = restoreScenario({
      version: 1,
      policy: { delegations: [{ users: [null] }] },
    })
    expect(scenario.policy.delegations).toEqual([])
    expect(notices).toContainEqual(expect.stringMatching(/^Dropped "policy.delegations.0": /))
  })

  test('keeps a list item whose only fault is an unknown field, and says the field was ignored', () => {
    const { scenario, notices } = restoreScenario({
      version: 1,
      policy: { clients: [{ clientId: 'a_ok', spiffeId: 'spiffe://ok', note: 'x' }] },
    })
    expect(scenario.policy.clients).toEqual([{ clientId: 'a_ok', spiffeId: 'spiffe://ok' }])
    expect(notices).toEqual(['Ignored unknown field "policy.clients.0.note".'])
  })

  test('turns an invalid actor-profile switch off and keeps the rest of the policy', () => {
    const { scenario, notices } = restoreScenario({
      version: 1,
      policy: { actorProfile: { actorSubProfile: 'robot' }, maxTtl: 300 },
    })
    expect(scenario.policy.actorProfile).toBeUndefined()
    expect(scenario.policy.maxTtl).toBe(300)
    expect(notices).toEqual([expect.stringMatching(/^Reset "policy.actorProfile" to its default/)])
  })

  test('resets a list longer than allowed whole, with one notice rather than one per item', () => {
    const { scenario, notices } = restoreScenario({
      version: 1,
      request: { audiences: Array.from({ length: 5000 }, (_, index) => index) },
    })
    expect(scenario.request.audiences).toEqual(SEED_SCENARIO.request.audiences)
    expect(notices).toEqual([expect.stringMatching(/^Reset "request.audiences" to its default: Too big/)])
  })

  const junkScenario = fc.record(
    {
      version: fc.constant(1),
      flow: fc.oneof(fc.constantFrom('cross-app', 'nope'), fc.integer()),
      user: fc.record(
        { sub: fc.oneof(fc.string(), fc.integer()), amr: fc.array(fc.oneof(fc.string(), fc.integer())) },
        { requiredKeys: [] },
      ),
      policy: fc.record(
        {
          clients: fc.array(
            fc.record(
              { clientId: fc.oneof(fc.string(), fc.integer()), spiffeId: fc.string(), x: fc.string() },
              { requiredKeys: [] },
            ),
          ),
          delegations: fc.array(
            fc.oneof(
              fc.record(
                {
                  actor: fc.string(),
                  users: fc.array(fc.oneof(fc.string(), fc.constant(null))),
                  audiences: fc.array(fc.jsonValue({ maxDepth: 2 })),
                },
                { requiredKeys: [] },
              ),
              fc.integer(),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  )

  test('names each mended field once', () => {
    fc.assert(
      fc.property(junkScenario, (value) => {
        const { notices } = restoreScenario(value)
        expect(new Set(notices).size).toBe(notices.length)
      }),
      { numRuns: 200 },
    )
  })

  test('is idempotent: a restored scenario restores to itself, with no notices', () => {
    fc.assert(
      fc.property(fc.oneof(junkScenario, fc.jsonValue({ maxDepth: 4 })), (value) => {
        const once = restoreScenario(value).scenario
        expect(restoreScenario(structuredClone(once))).toEqual({ scenario: once, notices: [] })
      }),
      { numRuns: 200 },
    )
  })
})

describe('parseScenarioJson', () => {
  test("refuses invalid JSON with the parser's message", () => {
    const parsed = parseScenarioJson('{\n  "version": 1,\n  "user": }')
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid JSON: .*'}'/) })
  })

  test('refuses a 10 MB paste without reading it', () => {
    expect(parseScenarioJson(' '.repeat(10 * 1024 * 1024))).toEqual({
      ok: false,
      message: 'Scenario JSON is larger than 256 KiB; nothing was read.',
    })
  })

  test('never throws for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (text) => void expect(['boolean']).toContain(typeof parseScenarioJson(text).ok),
      ),
    )
  })
})
