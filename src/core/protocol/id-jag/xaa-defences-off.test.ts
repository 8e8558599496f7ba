import { decodeJwt } from 'jose'
import { beforeEach, describe, expect, test } from 'vitest'
import type { AuditEvent } from '../audit/audit-event.ts'
import type { Reason } from '../errors/reasons.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { publicJwks } from '../keys/key-ring.ts'
import { decideMcpAccess } from '../mcp/decide-mcp-access.ts'
import { createResourceAsTokenEndpoint } from '../resource-as/resource-as-token-endpoint.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { withDefencesOff } from '../trace/defence-switch.ts'
import { JWT_BEARER_GRANT } from './id-jag-names.ts'
import { dispatchIdpTokenRequest } from './idp-token-dispatch.ts'
import { createOwnIdJagRedemption } from './redeem-own-id-jag.ts'
import {
  AGENT_A,
  AGENT_B,
  createXaaFixture,
  IDP,
  MCP,
  RAS,
  RAS_POLICY,
  refusal,
  USER,
  type XaaFixture,
} from './xaa-test-fixture.ts'

let x: XaaFixture
beforeEach(async () => {
  x = await createXaaFixture()
})

/** A check log with `off` switched off, and what it recorded. */
const logWith = (...off: Reason[]) => {
  const log = createCheckLog('idp')
  return { checks: log.checks, log: withDefencesOff(log, new Set(off)) }
}
const skipped = (checks: { skipped?: true; detail?: string }[]) =>
  checks.filter((check) => check.skipped).map((check) => check.detail)

describe('the IdP with a defence off', () => {
  test('issues an ID-JAG for a sign-in older than policy when the step-up defence is off', async () => {
    const stale = { subject_token: await x.idToken({ authAge: 2 * 3600 }) }
    expect(await refusal(x.decideExchange(stale))).toEqual({
      code: 'insufficient_user_authentication',
      reason: 'idp.id_token_too_old',
    })
    const { log, checks } = logWith('idp.id_token_too_old')
    expect((await x.decideExchange(stale, null, log)).ok).toBe(true)
    expect(skipped(checks)).toEqual([expect.stringContaining('idp.id_token_too_old')])
  })

  test('redeems its own ID-JAG, minting itself an access token, only when §4.4 is off and it is given the means', async () => {
    const grant = await x.idJag()
    const post = () =>
      new Request(`${IDP}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion: grant }),
      })
    const { log, checks } = logWith('id_jag.redeemed_at_issuer')
    const redeemOwnGrant = createOwnIdJagRedemption({
      issuer: IDP,
      idpJwks: publicJwks(x.keys.idp),
      signingKey: x.keys.idp,
      clock: () => x.now() * 1000,
      log,
    })
    const refuse = async () => new Response(null, { status: 500 })
    const on = logWith()
    const defended = dispatchIdpTokenRequest({
      issuer: IDP,
      exchange: refuse,
      idJag: refuse,
      log: on.log,
      redeemOwnGrant,
    })
    expect((await defended(post())).status).toBe(400)
    expect(on.checks).toMatchObject([{ ok: false, label: 'the IdP redeems no assertion it issued itself' }])

    const vulnerable = dispatchIdpTokenRequest({
      issuer: IDP,
      exchange: refuse,
      idJag: refuse,
      log,
      redeemOwnGrant,
    })
    const response = await vulnerable(post())
    expect(response.status).toBe(200)
    const { access_token } = (await response.json()) as { access_token: string }
    expect(decodeJwt(access_token)).toMatchObject({ iss: IDP, sub: USER, aud: MCP })
    expect(skipped(checks)).toEqual([expect.stringContaining('id_jag.redeemed_at_issuer')])
  })
})

describe('the resource AS with a defence off', () => {
  test('issues scope beyond the ID-JAG when the scope defence is off, and records the skipped check', async () => {
    const grant = await x.idJag()
    const { log, checks } = logWith('id_jag.scope_widened')
    const accepted = await x.decideRedeem(grant, { scope: 'repo:read issues:write' }, AGENT_A, null, log)
    expect(accepted.ok && (accepted.value as { scope: string[] }).scope).toEqual([
      'repo:read',
      'issues:write',
    ])
    expect(skipped(checks)).toEqual([expect.stringContaining('id_jag.scope_widened')])
  })

  test.each([
    ['id_jag.client_mismatch', AGENT_B],
    ['id_jag.audience_mismatch', AGENT_A],
  ] as const)('accepts with %s off what it refuses with it on', async (reason, agent) => {
    const grant =
      reason === 'id_jag.audience_mismatch'
        ? await x.idJag({ audience: 'https://other-as.example', resource: 'https://other.example/mcp' })
        : await x.idJag()
    // The other AS's grant also names another client_id: a second defence, still on, refuses it next.
    const on = await x.decideRedeem(grant, {}, agent)
    expect(on.ok || on.error.reason).toBe(reason)
    const { log, checks } = logWith(reason)
    const off = await x.decideRedeem(grant, {}, agent, null, log)
    if (reason === 'id_jag.audience_mismatch')
      expect(off.ok || off.error.reason).toBe('id_jag.client_mismatch')
    else expect(off.ok).toBe(true)
    expect(skipped(checks)).toEqual([expect.stringContaining(reason)])
  })

  test('records every check, the request-parsing refusal included', async () => {
    const { log, checks } = logWith()
    await x.decideRedeem(await x.idJag(), { grant_type: 'client_credentials' }, AGENT_A, null, log)
    expect(checks).toMatchObject([
      { ok: false, label: 'the request is a JWT bearer grant with one assertion' },
    ])
    const all = logWith()
    expect((await x.decideRedeem(await x.idJag(), {}, AGENT_A, null, all.log)).ok).toBe(true)
    expect(all.checks.every((check) => check.ok)).toBe(true)
    expect(all.checks.map((check) => check.label)).toContain("the ID-JAG's jti is unused")
  })

  test('writes an audit line on every decision: the user and the agent on issue, the claimed ones on refusal', async () => {
    const events: AuditEvent[] = []
    const { log, checks } = logWith()
    const endpoint = createResourceAsTokenEndpoint({
      issuer: RAS,
      policy: RAS_POLICY,
      trustedIdps: { [IDP]: publicJwks(x.keys.idp) },
      workloadIssuers: { 'https://spire.example': publicJwks(x.keys.workload) },
      signingKey: x.keys.ras,
      clock: () => x.now() * 1000,
      replay: createReplayCache(),
      log,
      onDecision: (_error, event) => events.push(event),
    })
    const grant = await x.idJag()
    const post = async (agent: string) =>
      new Request(`${RAS}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: JWT_BEARER_GRANT,
          assertion: grant,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-spiffe',
          client_assertion: await x.svid(agent, RAS),
        }),
      })
    expect((await endpoint(await post(AGENT_B))).status).toBe(400)
    expect((await endpoint(await post(AGENT_A))).status).toBe(200)
    expect((await endpoint(new Request(`${RAS}/token`))).status).toBe(405)
    expect(events.map((event) => event.decision)).toEqual(['deny', 'allow', 'deny'])
    expect(events[0]).toMatchObject({
      principal: null,
      denial: { error: 'invalid_grant' },
      claimed: { principal: USER, actor: AGENT_B },
    })
    expect(events[1]).toMatchObject({ principal: USER, actingAs: AGENT_A, aud: [MCP], scope: 'repo:read' })
    // The 405 refused before any check: it is recorded as one.
    expect(checks.at(-1)).toMatchObject({ ok: false, detail: expect.stringContaining('GET') })
  })
})

describe('the MCP server with a defence off', () => {
  test('serves a token for another MCP server when the audience defence is off', async () => {
    const granted = await (await x.redeem(await x.idJag())).json()
    const token = (granted as { access_token: string }).access_token
    // The token is for MCP; to an MCP server elsewhere it is a token for another server.
    const { log, checks } = logWith('mcp.wrong_resource')
    const elsewhere = (l?: typeof log) =>
      decideMcpAccess(
        new Request('https://elsewhere.example/mcp', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        }),
        {
          resource: 'https://elsewhere.example/mcp',
          issuer: RAS,
          jwks: publicJwks(x.keys.ras),
          requiredScope: 'repo:read',
          nowSeconds: x.now(),
          replay: createReplayCache(),
          ...(l ? { log: l } : {}),
        },
      )
    const refused = await elsewhere()
    expect(refused.allow || refused.error.reason).toBe('mcp.wrong_resource')
    expect((await elsewhere(log)).allow).toBe(true)
    expect(skipped(checks)).toEqual([expect.stringContaining('mcp.wrong_resource')])
  })

  test('records a request without credentials as a failed check', async () => {
    const { log, checks } = logWith()
    const decision = await decideMcpAccess(new Request(MCP, { method: 'POST' }), {
      resource: MCP,
      issuer: RAS,
      jwks: publicJwks(x.keys.ras),
      requiredScope: 'repo:read',
      nowSeconds: x.now(),
      replay: createReplayCache(),
      log,
    })
    expect(decision.allow || decision.error.reason).toBe('request.no_credentials')
    expect(checks).toMatchObject([
      { ok: false, label: 'the request carries one access token (Authorization)' },
    ])
  })
})
