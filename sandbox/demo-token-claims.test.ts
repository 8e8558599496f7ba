import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CODE_REVIEWER, WORKLOAD_ISSUER } from '../src/core/playground/scenario/seed-scenario.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import { exchangeForm, postForm, startTestSandbox } from './sandbox-fixture.ts'

let sandbox: RunningSandbox
let issuer: string
beforeAll(async () => {
  sandbox = await startTestSandbox()
  issuer = sandbox.issuer
})
afterAll(() => sandbox.close())

const now = () => Math.floor(Date.now() / 1000)

/** A token from a test issuer, with the parameters given (form-encoded, as curl sends them). */
async function mint(kind: 'subject' | 'actor', params: Record<string, string>): Promise<string> {
  const defaults: Record<string, string> =
    kind === 'subject'
      ? { sub: 'u_marwan', scope: 'read:repo write:issues' }
      : { spiffe_id: CODE_REVIEWER, attestation: 'github-oidc' }
  const response = await postForm(
    `${issuer}/demo/${kind}-token`,
    new URLSearchParams({ ...defaults, ...params }),
  )
  const body = (await response.json()) as Record<string, string>
  if (response.status !== 200) throw new Error(`test issuer refused: ${JSON.stringify(body)}`)
  return body[`${kind}_token`]!
}

/** Exchanges the two tokens at /token and answers the status and RFC error. */
async function exchange(subject: string, actor: string) {
  const response = await postForm(`${issuer}/token`, exchangeForm(subject, actor, { scope: 'read:repo' }))
  return {
    status: response.status,
    ...((await response.json()) as { error?: string; error_description?: string }),
  }
}

describe('tokens minted to be refused are refused by the IdP over HTTP', () => {
  test.each([
    [
      'an expired subject token',
      'subject',
      () => ({ exp: String(now() - 120) }),
      /subject_token has expired/,
    ],
    [
      'a subject token not valid yet',
      'subject',
      () => ({ nbf: String(now() + 600) }),
      /subject_token .*not (yet )?valid|nbf/,
    ],
    [
      'a subject token addressed elsewhere',
      'subject',
      () => ({ aud: 'https://other.example' }),
      /subject_token .*aud/,
    ],
    ['an expired actor token', 'actor', () => ({ exp: String(now() - 120) }), /actor_token has expired/],
    [
      'an actor token not valid yet',
      'actor',
      () => ({ nbf: String(now() + 600) }),
      /actor_token .*not (yet )?valid|nbf/,
    ],
    [
      'an actor token addressed elsewhere',
      'actor',
      () => ({ aud: 'https://other.example' }),
      /actor_token .*aud/,
    ],
  ] as const)('%s: 400 invalid_request', async (_, kind, params, description) => {
    const subject = await mint('subject', kind === 'subject' ? params() : {})
    const actor = await mint('actor', kind === 'actor' ? params() : {})
    const answer = await exchange(subject, actor)
    expect(answer).toMatchObject({ status: 400, error: 'invalid_request' })
    expect(answer.error_description).toMatch(description)
  })

  test('the same tokens without those parameters are exchanged', async () => {
    const answer = await exchange(await mint('subject', {}), await mint('actor', {}))
    expect(answer.status).toBe(200)
  })
})

describe('may_act with iss, sent as JSON text in a form', () => {
  test('naming the actor and its issuer: the exchange succeeds', async () => {
    const mayAct = JSON.stringify({ sub: CODE_REVIEWER, iss: WORKLOAD_ISSUER })
    const answer = await exchange(await mint('subject', { may_act: mayAct }), await mint('actor', {}))
    expect(answer.status).toBe(200)
  })

  test('naming the actor but another issuer: refused, because both sub and iss are compared', async () => {
    const mayAct = JSON.stringify({ sub: CODE_REVIEWER, iss: 'https://other-spire.example' })
    const answer = await exchange(await mint('subject', { may_act: mayAct }), await mint('actor', {}))
    expect(answer).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: `may_act in subject_token does not name ${CODE_REVIEWER} of ${WORKLOAD_ISSUER}`,
    })
  })
})
