import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { SEED_SCENARIO } from '../../src/core/playground/scenario/seed-scenario.ts'
import { demoTokens, exchangeForm, postForm, startTestSandbox } from '../sandbox-fixture.ts'
import { applyConfig } from './apply-config.ts'
import { checkConfig } from './load-config.ts'
import { configJsonSchema, JSON_SCHEMA_PATH } from './json-schema.ts'
import { SEED_CONFIG } from './seed-config.ts'

const example = JSON.parse(readFileSync('examples/sandbox.config.json', 'utf8')) as unknown

describe('sandbox configuration', () => {
  test('the example file is the seed scenario policy, and maps back onto it exactly', () => {
    expect(example).toEqual(SEED_CONFIG)
    const checked = checkConfig(example)
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(applyConfig(checked.value).policy).toEqual(SEED_SCENARIO.policy)
  })

  test('the committed JSON Schema is the one generated from the zod schema (npm run sandbox:schema)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(configJsonSchema())
  })

  test('names every bad field by its path and says what was expected', () => {
    const bad = structuredClone(SEED_CONFIG) as Record<string, unknown>
    const delegation = bad.delegation as Record<string, unknown>
    delegation.maxTtlSeconds = -5
    ;(delegation.rules as Array<Record<string, unknown>>)[1]!.users = 'u_marwan'
    ;(bad.agents as Array<Record<string, unknown>>)[0]!.spiffeId = 'code-reviewer'
    bad.extra = true
    const checked = checkConfig(bad)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors).toHaveLength(4)
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^agents\[0\]\.spiffeId: a SPIFFE ID/),
        expect.stringMatching(/^delegation\.rules\[1\]\.users: .*expected array, received string/),
        expect.stringMatching(/^delegation\.maxTtlSeconds: .*>0/),
        expect.stringMatching(/^\(the whole file\): .*"extra"/),
      ]),
    )
  })

  test('refuses a second workload issuer without keys: only one can be the sandbox test issuer', () => {
    const checked = checkConfig({
      ...SEED_CONFIG,
      workloadIssuers: [{ issuer: 'https://a.example' }, { issuer: 'https://b.example' }],
    })
    expect(checked).toEqual({ ok: false, errors: [expect.stringMatching(/^workloadIssuers: at most one/)] })
  })

  test('a configured agent, policy and resource server are what the running sandbox enforces', async () => {
    const config = structuredClone(SEED_CONFIG)
    config.agents.push({ spiffeId: 'spiffe://ci/agent/triage', clientId: 'a_triage' })
    config.delegation.rules.push({
      actor: 'spiffe://ci/agent/triage',
      users: ['u_dana'],
      audiences: [
        { audience: 'tickets.example', resource: 'https://tickets.example/', scopes: ['tickets:read'] },
      ],
    })
    config.delegation.maxTtlSeconds = 120
    config.resourceServers.push({
      audience: 'tickets.example',
      mount: '/tickets',
      routes: [{ method: 'GET', path: '/:id', scope: 'tickets:read', response: { ticket: '{id}' } }],
    })
    const setup = applyConfig(config)
    const sandbox = await startTestSandbox(setup)
    try {
      const tokens = await demoTokens(sandbox.issuer, {
        sub: 'u_dana',
        scope: 'tickets:read',
        spiffeId: 'spiffe://ci/agent/triage',
      })
      const form = exchangeForm(tokens.subject, tokens.actor, {
        audience: 'tickets.example',
        scope: 'tickets:read',
      })
      const issued = await postForm(`${sandbox.issuer}/token`, form)
      expect(issued.status).toBe(200)
      const body = (await issued.json()) as { access_token: string; expires_in: number }
      expect(body.expires_in).toBe(120)
      const called = await fetch(`${sandbox.issuer}/tickets/T-7`, {
        headers: { authorization: `Bearer ${body.access_token}` },
      })
      expect(await called.json()).toEqual({ ticket: 'T-7' })
      // The seed's code reviewer may not act for u_dana: the configured rules apply.
      const other = await demoTokens(sandbox.issuer, { sub: 'u_dana', scope: 'tickets:read' })
      const refused = await postForm(
        `${sandbox.issuer}/token`,
        exchangeForm(other.subject, other.actor, { audience: 'tickets.example', scope: 'tickets:read' }),
      )
      expect(await refused.json()).toEqual({
        error: 'invalid_request',
        error_description: 'spiffe://prod/agent/code-reviewer/v3 may not act for u_dana',
      })
    } finally {
      await sandbox.close()
    }
  })
})
