// Identity chaining over HTTP, driven by oauth4webapi: domain A's grant, domain B's token, domain B's API.
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CODE_REVIEWER } from '../src/core/playground/scenario/seed-scenario.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'
import { CHAINING_PATHS, SANDBOX_SUBJECTS } from './chaining-routes.ts'
import { demoTokens, exchangeParams, oauthAgent, postForm, startTestSandbox } from './sandbox-fixture.ts'

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'

let running: Awaited<ReturnType<typeof startTestSandbox>>
let base: string
let delegated: string
const http = { [oauth.allowInsecureRequests]: true } as const
const client: oauth.Client = { client_id: 'a_code_reviewer' }

beforeAll(async () => {
  running = await startTestSandbox()
  base = running.issuer
  const agent = await oauthAgent(base)
  const tokens = await demoTokens(base)
  delegated = (await agent.exchange(exchangeParams(tokens.subject, tokens.actor))).access_token
})
afterAll(() => running.close())

const domainB = () => `${base}${CHAINING_PATHS.domainB}`
const grantParams = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    subject_token: delegated,
    subject_token_type: TOKEN_TYPE.accessToken,
    requested_token_type: TOKEN_TYPE.jwt,
    resource: domainB(),
    scope: 'read:repo',
    ...extra,
  })

/**
 * Domain A: the RFC 8693 exchange for a JWT authorization grant, by hand. oauth4webapi refuses the
 * response's `token_type` N_A (RFC 8693 §2.2.1, for a token that is not an access token).
 */
async function grant(extra: Record<string, string> = {}): Promise<string> {
  const response = await postForm(
    `${base}${CHAINING_PATHS.grant}`,
    new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      client_id: client.client_id,
      ...Object.fromEntries(grantParams(extra)),
    }),
  )
  const body = (await response.json()) as Record<string, string>
  if (response.status !== 200) throw new Error(`domain A refused: ${JSON.stringify(body)}`)
  expect(body).toMatchObject({ token_type: 'N_A', issued_token_type: TOKEN_TYPE.jwt })
  return body.access_token!
}

/** Domain B, found by RFC 8414 discovery at its path-inserted well-known URL. */
async function domainBServer(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(domainB())
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...http }),
  )
}

const redeem = async (assertion: string, scope?: string) => {
  const as = await domainBServer()
  const params = new URLSearchParams({ assertion, ...(scope ? { scope } : {}) })
  return oauth.processGenericTokenEndpointResponse(
    as,
    client,
    await oauth.genericTokenEndpointRequest(as, client, oauth.None(), JWT_BEARER, params, http),
  )
}

const callB = (token: string) =>
  fetch(`${base}${CHAINING_PATHS.domainBApi}/repos/marwan/playground`, {
    headers: { authorization: `Bearer ${token}` },
  })

const refusedWith = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(oauth.ResponseBodyError)
  return (error as oauth.ResponseBodyError).error
}

describe('identity chaining over HTTP', () => {
  test('A’s grant, B’s token, B’s API: the audit line names B’s user and the agent after both hops', async () => {
    const assertion = await grant()
    const issued = await redeem(assertion)
    expect(issued.token_type).toBe('bearer')
    const response = await callB(issued.access_token)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ principal: SANDBOX_SUBJECTS.atB, acting_as: CODE_REVIEWER })
    const { lines } = (await (await fetch(`${base}/audit`)).json()) as { lines: { line: string }[] }
    expect(
      lines.some(({ line }) => line.includes(`principal=${SANDBOX_SUBJECTS.atB} acting_as=${CODE_REVIEWER}`)),
    ).toBe(true)
  })

  test('B publishes RFC 8414 metadata at the §3.1 location for its issuer path', async () => {
    const as = await domainBServer()
    expect(as).toMatchObject({ issuer: domainB(), grant_types_supported: [JWT_BEARER] })
  })

  test('refuses a replayed grant', async () => {
    const assertion = await grant()
    await redeem(assertion)
    expect(await refusedWith(redeem(assertion))).toBe('invalid_grant')
  })

  test('refuses at B a grant made for a third domain', async () => {
    const forC = await grant({ resource: `${base}/domain-c` })
    expect(await refusedWith(redeem(forC))).toBe('invalid_grant')
  })

  test('refuses a scope widened at B', async () => {
    expect(await refusedWith(redeem(await grant(), 'read:repo write:issues'))).toBe('invalid_scope')
  })

  test('refuses domain A’s token at B, as a grant and at B’s API', async () => {
    expect(await refusedWith(redeem(delegated))).toBe('invalid_grant')
    const response = await callB(delegated)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('invalid_token')
  })

  test('refuses an actor spliced into the chain at the hop', async () => {
    const response = await postForm(
      `${base}${CHAINING_PATHS.grant}`,
      new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        ...Object.fromEntries(grantParams({ actor_token: delegated })),
      }),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_request' })
  })
})
