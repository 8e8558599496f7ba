import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SEED_SCENARIO } from '../../src/core/playground/scenario/seed-scenario.ts'
import { createDpopProof } from '../../src/core/protocol/dpop/create-proof.ts'
import { accessTokenHash } from '../../src/core/protocol/dpop/thumbprint.ts'
import { createSigningKey, type SigningKey } from '../../src/core/protocol/keys/key-ring.ts'
import type { AuditEntry } from '../audit-ring.ts'
import { readKeyFile } from '../keys/key-file.ts'
import { demoTokens, exchangeForm, postForm, startTestSandbox, TEST_ONLY_KEYS } from '../sandbox-fixture.ts'
import type { RunningSandbox } from '../start-sandbox.ts'
import { startRedisServer, type TestRedis } from './redis-server-fixture.ts'
import { openSharedState, type SharedState } from './shared-state.ts'

let redis: TestRedis
let one: RunningSandbox
let two: RunningSandbox
const states: SharedState[] = []
const printed: AuditEntry[] = []
let agentKey: SigningKey

/** An instance as a separate process would be: its own Redis connection, the same keys file and issuer. */
async function instance(issuer?: string): Promise<RunningSandbox> {
  const shared = await openSharedState(redis.url)
  if (!shared.ok) throw new Error(shared.error)
  states.push(shared.state)
  const keys = await readKeyFile(TEST_ONLY_KEYS)
  if (!keys.ok) throw new Error(keys.error)
  const { replay, nonces, auditLog } = shared.state
  return startTestSandbox({
    ...(issuer ? { issuer } : {}),
    keys: keys.keys,
    replay,
    nonces,
    auditLog,
    policy: { ...SEED_SCENARIO.policy, requireDpopNonce: true },
    onAudit: (entry) => printed.push(entry),
  })
}

beforeAll(async () => {
  redis = await startRedisServer()
  one = await instance()
  // Behind a load balancer every instance is known by one issuer; here, the first one's URL.
  two = await instance(one.issuer)
  agentKey = await createSigningKey()
}, 20_000)
afterAll(async () => {
  await Promise.all([one?.close(), two?.close()])
  await Promise.all(states.map((state) => state.close()))
  await redis?.stop()
})

const proof = (htm: string, path: string, extra: { nonce?: string; ath?: string } = {}) =>
  createDpopProof(agentKey, {
    htm,
    htu: `${one.issuer}${path}`,
    iat: Math.floor(Date.now() / 1000),
    ...extra,
  })

/** Exchanges at instance 1: the nonce challenge first, then the proof with that nonce. */
async function exchangeAtOne(): Promise<{ token: string; nonce: string }> {
  const tokens = await demoTokens(one.url, { scope: 'read:repo' })
  const form = exchangeForm(tokens.subject, tokens.actor, { scope: 'read:repo' })
  const challenge = await postForm(`${one.url}/token`, form, { dpop: await proof('POST', '/token') })
  expect(challenge.status).toBe(400)
  const nonce = challenge.headers.get('dpop-nonce')!
  const issued = await postForm(`${one.url}/token`, form, { dpop: await proof('POST', '/token', { nonce }) })
  expect(issued.status).toBe(200)
  return { token: ((await issued.json()) as { access_token: string }).access_token, nonce }
}

describe('two instances sharing Redis', () => {
  test('a nonce issued by instance 1 is accepted by instance 2', async () => {
    const tokens = await demoTokens(two.url, { scope: 'read:repo' })
    const form = exchangeForm(tokens.subject, tokens.actor, { scope: 'read:repo' })
    const challenge = await postForm(`${one.url}/token`, form, { dpop: await proof('POST', '/token') })
    expect(await challenge.json()).toMatchObject({ error: 'use_dpop_nonce' })
    const nonce = challenge.headers.get('dpop-nonce')!
    const issued = await postForm(`${two.url}/token`, form, {
      dpop: await proof('POST', '/token', { nonce }),
    })
    expect(issued.status).toBe(200)
  })

  test('a proof accepted by instance 1 is refused by instance 2, and /audit on either shows both', async () => {
    const { token } = await exchangeAtOne()
    const path = '/api/repos/marwan/playground'
    const headers = {
      authorization: `DPoP ${token}`,
      dpop: await proof('GET', path, { ath: await accessTokenHash(token) }),
    }
    expect((await fetch(`${one.url}${path}`, { headers })).status).toBe(200)
    const replayed = await fetch(`${two.url}${path}`, { headers })
    expect(replayed.status).toBe(401)
    expect(await replayed.json()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof "jti" has already been used',
    })

    for (const at of [one, two]) {
      const { lines } = (await (await fetch(`${at.url}/audit`)).json()) as { lines: AuditEntry[] }
      const served = lines.filter((entry) => entry.by === 'resource-server')
      expect(served.map((entry) => entry.instance)).toEqual(expect.arrayContaining([one.url, two.url]))
      expect(
        lines.find((entry) => entry.instance === two.url && entry.line.includes('decision=deny')),
      ).toBeDefined()
    }
  })

  test('when Redis goes down, requests that need it fail closed with 503 and an audit line', async () => {
    const { token } = await exchangeAtOne()
    const path = '/api/repos/marwan/playground'
    const headers = {
      authorization: `DPoP ${token}`,
      dpop: await proof('GET', path, { ath: await accessTokenHash(token) }),
    }
    await redis.stop()
    for (const at of [one, two]) {
      const refused = await fetch(`${at.url}${path}`, { headers })
      expect(refused.status).toBe(503)
      expect(await refused.json()).toMatchObject({ error: 'temporarily_unavailable' })
    }
    expect((await fetch(`${one.url}/audit`)).status).toBe(503)
    const outages = printed.filter((entry) => entry.by === 'sandbox')
    expect(outages.length).toBeGreaterThanOrEqual(2)
    expect(outages[0]!.line).toMatch(
      /decision=deny error=temporarily_unavailable path=\/api\/repos\/marwan\/playground/,
    )
  })
})
