import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDpopProof } from '../src/core/protocol/dpop/create-proof.ts'
import { createReplayCache } from '../src/core/protocol/dpop/replay-cache.ts'
import { createSigningKey } from '../src/core/protocol/keys/key-ring.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import {
  asLibraryFetch,
  demoTokens,
  exchangeForm,
  oauthAgent,
  postForm,
  startTestSandbox,
} from './sandbox-fixture.ts'

// A small capacity keeps the flood short; the design, not the number, is under test.
const CAPACITY = 20
let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox({ replay: createReplayCache({ maxEntries: CAPACITY }) })
})
afterAll(() => sandbox.close())

describe('a flood of junk DPoP proofs at the token endpoint', () => {
  test('does not reopen replay: a captured proof replayed at the resource server after the flood is still refused', async () => {
    const { issuer } = sandbox
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const { access_token: token } = await agent.exchange(exchangeForm(subject, actor))
    const repo = `${issuer}/api/repos/marwan/playground`
    let captured: Headers | undefined
    const first = await oauth.protectedResourceRequest(token, 'GET', new URL(repo), undefined, undefined, {
      ...agent.http,
      DPoP: oauth.DPoP(agent.client, agent.keyPair),
      [oauth.customFetch]: asLibraryFetch((url, init) => {
        captured = new Headers(init.headers)
        return fetch(url, init)
      }),
    })
    expect(first.status).toBe(200)

    // The attacker holds no token: each request carries a fresh proof of its own key and is refused.
    const attacker = await createSigningKey()
    const junk = exchangeForm('junk', 'junk')
    const answers = new Set<string>()
    for (let i = 0; i < CAPACITY + 5; i++) {
      const dpop = await createDpopProof(attacker, {
        htm: 'POST',
        htu: `${issuer}/token`,
        iat: Math.floor(Date.now() / 1000),
      })
      const refused = await postForm(`${issuer}/token`, junk, { dpop })
      answers.add(`${refused.status} ${((await refused.json()) as { error: string }).error}`)
    }
    // Once the cache is full, new proofs are refused; none of the flood got a token.
    expect([...answers].sort()).toEqual(['400 invalid_request', '503 temporarily_unavailable'])

    const replayed = await fetch(repo, { headers: captured! })
    expect(replayed.status).toBe(401)
    expect(await replayed.json()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof "jti" has already been used',
    })
  })
})
