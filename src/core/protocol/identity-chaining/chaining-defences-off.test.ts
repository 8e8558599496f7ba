import { decodeJwt, SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { createSigningKey, publicJwks } from '../keys/key-ring.ts'
import { JWT_TYP } from '../tokens/token-types.ts'
import { createCheckLog } from '../trace/check-log.ts'
import type { DecisionCheck } from '../trace/decision.ts'
import { AGENT_ACT, AS_A, AS_B, AS_C, chainingWorld, NOW, RS_B } from './chaining-fixture.ts'
import { createChainedResourceServer } from './chained-resource-server.ts'
import { issueChainingGrant } from './issue-chaining-grant.ts'
import { redeemChainingGrant } from './redeem-chaining-grant.ts'

const world = await chainingWorld()
const workloadKey = await createSigningKey()
const WORKLOAD_ISS = 'https://spire.a.example'
const off = (...reasons: Reason[]) => new Set(reasons)

async function grantFor(resource = AS_B): Promise<string> {
  const decision = await issueChainingGrant(
    {
      subjectToken: await world.delegatedToken(),
      audience: null,
      resource,
      scope: ['read:repo'],
      actorToken: null,
    },
    { ...world.grantContext, peers: [world.peerB, { ...world.peerB, issuer: AS_C }] },
  )
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value.grant
}

const skippedOnce = (checks: DecisionCheck[], reason: Reason) => {
  const skipped = checks.filter((check) => check.skipped)
  expect(skipped).toHaveLength(1)
  expect(skipped[0]!.detail).toContain(`would have refused (${reason})`)
}

describe("domain B's AS with one defence switched off", () => {
  const cases: [
    string,
    Reason,
    () => Promise<{ grant: string; scope: string[] | null; twice: boolean }>,
    string,
  ][] = [
    [
      'a grant made for a third domain',
      'chain.grant_audience_mismatch',
      async () => ({ grant: await grantFor(AS_C), scope: null, twice: false }),
      'invalid_grant',
    ],
    [
      'the same grant twice',
      'chain.grant_replayed',
      async () => ({ grant: await grantFor(), scope: null, twice: true }),
      'invalid_grant',
    ],
    [
      'a scope wider than the grant',
      'chain.scope_widened',
      async () => ({ grant: await grantFor(), scope: ['read:repo', 'write:issues'], twice: false }),
      'invalid_scope',
    ],
  ]
  const redeem = async (
    make: () => Promise<{ grant: string; scope: string[] | null; twice: boolean }>,
    reasons: Reason[],
  ) => {
    const ctx = { ...world.redeemContext(), defencesOff: off(...reasons) }
    const { grant, scope, twice } = await make()
    const send = () => redeemChainingGrant({ assertion: grant, scope, resource: null }, ctx)
    if (twice) expect((await send()).ok).toBe(true)
    return send()
  }

  test.each(cases)('refuses %s with it on', async (_name, reason, make, code) => {
    const decision = await redeem(make, [])
    expect(decision.ok || decision.error).toMatchObject({ code, reason })
    expect(decision.checks.filter((check) => !check.ok)).toHaveLength(1)
  })

  test.each(cases)('redeems %s with it off, recording the check as skipped', async (_name, reason, make) => {
    const decision = await redeem(make, [reason])
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    expect(decodeJwt(decision.value.accessToken)).toMatchObject({ iss: AS_B, aud: RS_B, act: AGENT_ACT })
    skippedOnce(decision.checks, reason)
  })
})

describe("domain A's AS with the splice defence off", () => {
  const actorToken = (key = workloadKey) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', typ: JWT_TYP.jwtSvid, kid: key.kid })
      .setIssuer(WORKLOAD_ISS)
      .setSubject('spiffe://a.example/agent/intruder')
      .setAudience(AS_A)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 300)
      .sign(key.privateKey)
  const splice = async (reasons: Reason[], token?: string) =>
    issueChainingGrant(
      {
        subjectToken: await world.delegatedToken(),
        audience: null,
        resource: AS_B,
        scope: null,
        actorToken: token ?? (await actorToken()),
      },
      {
        ...world.grantContext,
        defencesOff: off(...reasons),
        actorIssuers: { [WORKLOAD_ISS]: publicJwks(workloadKey) },
      },
    )

  test('refuses an actor_token on a hop with it on', async () => {
    const decision = await splice([])
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_request',
      reason: 'chain.act_spliced',
    })
  })

  test('adds the actor to the chain with it off, recording the continuity check as skipped', async () => {
    const decision = await splice(['chain.act_spliced'])
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    expect(decision.value.claims.act).toEqual({
      sub: 'spiffe://a.example/agent/intruder',
      iss: WORKLOAD_ISS,
      act: AGENT_ACT,
    })
    skippedOnce(decision.checks, 'chain.act_spliced')
  })

  test('still refuses an actor_token no trusted issuer signed', async () => {
    const decision = await splice(['chain.act_spliced'], await actorToken(await createSigningKey()))
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_request',
      reason: 'chain.act_spliced',
    })
  })
})

describe("domain B's API with the foreign-token defence off", () => {
  const api = (reasons: Reason[]) => {
    const log = createCheckLog('resource-server')
    const handle = createChainedResourceServer({
      issuer: AS_B,
      jwks: publicJwks(world.keyB),
      audience: RS_B,
      scope: 'read:repo',
      clock: () => NOW * 1000,
      audit: () => {},
      log,
      defencesOff: off(...reasons),
      peerIssuers: { [AS_A]: publicJwks(world.keyA) },
    })
    const call = (token: string) =>
      handle(
        new Request(`${RS_B}/repos/marwan/playground`, { headers: { authorization: `Bearer ${token}` } }),
      )
    return { call, checks: log.checks }
  }

  test("refuses domain A's token with it on, recording the failed check", async () => {
    const { call, checks } = api([])
    const response = await call(await world.delegatedToken())
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'invalid_token' })
    expect(checks.filter((check) => !check.ok).map((check) => check.label)).toEqual([
      'the access token’s iss is this domain’s AS',
    ])
  })

  test("takes domain A's token as its own with it off, the check marked skipped", async () => {
    const { call, checks } = api(['chain.foreign_token'])
    const response = await call(await world.delegatedToken())
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ principal: 'u_marwan', acting_as: AGENT_ACT.sub })
    expect(checks.filter((check) => check.skipped)).toHaveLength(1)
    expect(checks.every((check) => check.ok)).toBe(true)
  })

  test("still verifies the signature: a token claiming domain A's issuer but signed by B's key is refused", async () => {
    const { call } = api(['chain.foreign_token'])
    const [header, payload] = (await world.delegatedToken()).split('.')
    const forged = `${header}.${payload}.${(await grantFor()).split('.')[2]}`
    expect((await call(forged)).status).toBe(401)
  })
})
