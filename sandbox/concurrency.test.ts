import { decodeJwt } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TOKEN_EXCHANGE_GRANT } from '../src/core/playground/scenario/seed-scenario.ts'
import { createReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import {
  asLibraryFetch,
  demoTokens,
  exchangeForm,
  exchangeParams,
  exchangeThenCall,
  oauthAgent,
  startTestSandbox,
} from './sandbox-fixture.ts'

const SEQUENCES = 300
const REPLAYS = 25

const replay = createReplayCache()
let sandbox: RunningSandbox
let issuer: string
beforeAll(async () => {
  sandbox = await startTestSandbox({ audit: { maxEntries: 2 * SEQUENCES + 100 }, replay })
  issuer = sandbox.issuer
})
afterAll(() => sandbox.close())

describe('concurrent clients do not interfere', () => {
  test(`${SEQUENCES} parallel exchange-then-call sequences all succeed with distinct jtis, while replays are caught`, async () => {
    const { as, client, http } = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const repo = new URL('/api/repos/marwan/playground', issuer)
    const proofJtis: string[] = []
    const recording = asLibraryFetch((url, init) => {
      proofJtis.push(String(decodeJwt(new Headers(init.headers).get('dpop')!).jti))
      return fetch(url, init)
    })

    // One agent per sequence, each with its own DPoP key, all talking at once.
    const sequence = async () => {
      const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'))
      const options = { ...http, DPoP, [oauth.customFetch]: recording }
      const { issued, called } = await exchangeThenCall(
        as,
        client,
        options,
        exchangeParams(subject, actor),
        repo,
      )
      return { jti: String(decodeJwt(issued.access_token).jti), status: called.status }
    }

    // A resource request and a token request, each signed once and held back to be sent many times at once.
    const held = async () => {
      const agent = await oauthAgent(issuer)
      const hold = (into: { url?: string; init?: RequestInit }) =>
        asLibraryFetch(async (url, init) => {
          Object.assign(into, { url, init })
          return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
        })
      const tokenRequest: { url?: string; init?: RequestInit } = {}
      const DPoP = oauth.DPoP(agent.client, agent.keyPair)
      await oauth.genericTokenEndpointRequest(
        agent.as,
        agent.client,
        oauth.None(),
        TOKEN_EXCHANGE_GRANT,
        exchangeParams(subject, actor),
        {
          ...http,
          DPoP,
          [oauth.customFetch]: hold(tokenRequest),
        },
      )
      const { access_token } = await agent.exchange(exchangeForm(subject, actor))
      const resourceRequest: { url?: string; init?: RequestInit } = {}
      await oauth.protectedResourceRequest(access_token, 'GET', repo, undefined, undefined, {
        ...http,
        DPoP,
        [oauth.customFetch]: hold(resourceRequest),
      })
      return { tokenRequest, resourceRequest }
    }
    const { tokenRequest, resourceRequest } = await held()
    const burst = (request: { url?: string; init?: RequestInit }) =>
      Array.from({ length: REPLAYS }, async () => {
        const response = await fetch(request.url!, request.init)
        return { status: response.status, body: (await response.json()) as { error?: string } }
      })

    const [results, resourceReplays, tokenReplays] = await Promise.all([
      Promise.all(Array.from({ length: SEQUENCES }, sequence)),
      Promise.all(burst(resourceRequest)),
      Promise.all(burst(tokenRequest)),
    ])

    expect(results.every((result) => result.status === 200)).toBe(true)
    expect(new Set(results.map((result) => result.jti)).size).toBe(SEQUENCES)
    expect(proofJtis).toHaveLength(2 * SEQUENCES)
    expect(new Set(proofJtis).size).toBe(2 * SEQUENCES)
    for (const replays of [resourceReplays, tokenReplays]) {
      expect(replays.filter((reply) => reply.status === 200)).toHaveLength(1)
      expect(replays.filter((reply) => reply.body.error === 'invalid_dpop_proof')).toHaveLength(REPLAYS - 1)
    }

    // Every issued token shows up in the resource server's audit, once.
    const lines = (await sandbox.sandbox.audit.recent(Date.now())).filter(
      (entry) => entry.by === 'resource-server',
    )
    for (const { jti } of results)
      expect(lines.filter((entry) => entry.line.includes(`jti=${jti}`))).toHaveLength(1)
    expect(replay.size()).toBeLessThanOrEqual(10_000)
  })
})
