// Test fixture: a sandbox on a free port, and what a client does with it, by hand or through oauth4webapi.
import * as oauth from 'oauth4webapi'
import { CODE_REVIEWER, TOKEN_EXCHANGE_GRANT } from '../src/core/playground/scenario/seed-scenario.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'
import { startSandbox, type RunningSandbox, type StartOptions } from './start-sandbox.ts'

export const TEST_SECRET = 'test-introspection-secret'

/** A private JWKS committed on purpose and named so: these keys protect nothing. */
export const TEST_ONLY_KEYS = 'sandbox/fixtures/TEST-ONLY-keys.json'

/** A sandbox on 127.0.0.1 and a free port, with a known introspection secret. */
export const startTestSandbox = (options: Partial<StartOptions> = {}): Promise<RunningSandbox> =>
  startSandbox({ port: 0, host: '127.0.0.1', introspectionSecret: TEST_SECRET, ...options })

/** POSTs a hand-built form body, as curl would: nothing a client library might add or fix. */
export const postForm = (url: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body.toString(),
  })

export interface DemoTokenInput {
  sub?: string
  scope?: string
  spiffeId?: string
  attestation?: string
  act?: Record<string, unknown>
  mayAct?: string
}

/** Gets a subject token and an actor token from the sandbox's test issuers. */
export async function demoTokens(issuer: string, input: DemoTokenInput = {}) {
  const subject = await postForm(
    `${issuer}/demo/subject-token`,
    new URLSearchParams({
      sub: input.sub ?? 'u_marwan',
      scope: input.scope ?? 'read:repo write:repo write:issues read:org',
      ...(input.mayAct ? { may_act: input.mayAct } : {}),
      ...(input.act ? { act: JSON.stringify(input.act) } : {}),
    }),
  )
  const actor = await fetch(`${issuer}/demo/actor-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      spiffe_id: input.spiffeId ?? CODE_REVIEWER,
      attestation: input.attestation ?? 'github-oidc',
    }),
  })
  if (!subject.ok || !actor.ok)
    throw new Error(`test issuers refused: ${await subject.text()} ${await actor.text()}`)
  const { subject_token } = (await subject.json()) as { subject_token: string }
  const { actor_token } = (await actor.json()) as { actor_token: string }
  return { subject: subject_token, actor: actor_token }
}

/** The RFC 8693 parameters for delegating `subject` to `actor` at api.github.com. */
export function exchangeParams(subject: string, actor: string | null, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    subject_token: subject,
    subject_token_type: TOKEN_TYPE.accessToken,
    ...(actor ? { actor_token: actor, actor_token_type: TOKEN_TYPE.jwt } : {}),
    audience: 'api.github.com',
    scope: 'read:repo write:issues',
    ...extra,
  })
}

/** The same request as a complete form body, grant_type included. */
export const exchangeForm = (subject: string, actor: string | null, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    grant_type: TOKEN_EXCHANGE_GRANT,
    ...Object.fromEntries(exchangeParams(subject, actor, extra)),
  })

/** Adapts a fetch-like function to oauth4webapi's `customFetch` hook, to watch or redirect what it sends. */
export const asLibraryFetch =
  (send: (url: string, init: RequestInit) => Promise<Response>) =>
  (url: string, options: oauth.CustomFetchOptions<string, unknown>) =>
    send(url, options as RequestInit)

/** What an agent does through oauth4webapi: exchange the tokens, then GET the resource with the result. */
export async function exchangeThenCall(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  options: oauth.TokenEndpointRequestOptions & oauth.ProtectedResourceRequestOptions,
  params: URLSearchParams,
  resource: URL,
) {
  const issued = await oauth.processGenericTokenEndpointResponse(
    as,
    client,
    await oauth.genericTokenEndpointRequest(as, client, oauth.None(), TOKEN_EXCHANGE_GRANT, params, options),
  )
  const called = await oauth.protectedResourceRequest(
    issued.access_token,
    'GET',
    resource,
    undefined,
    undefined,
    options,
  )
  return { issued, called }
}

/** oauth4webapi, set up as an agent would: discovery, a public client, a fresh DPoP key. */
export async function oauthAgent(issuer: string, clientId = 'a_code_reviewer') {
  const issuerUrl = new URL(issuer)
  const http = { [oauth.allowInsecureRequests]: true } as const
  const as = await oauth.processDiscoveryResponse(
    issuerUrl,
    await oauth.discoveryRequest(issuerUrl, { algorithm: 'oauth2', ...http }),
  )
  const client: oauth.Client = { client_id: clientId }
  const keyPair = await oauth.generateKeyPair('ES256')
  const DPoP = oauth.DPoP(client, keyPair)
  const exchange = async (params: URLSearchParams, withDpop = true) =>
    oauth.processGenericTokenEndpointResponse(
      as,
      client,
      await oauth.genericTokenEndpointRequest(as, client, oauth.None(), TOKEN_EXCHANGE_GRANT, params, {
        ...http,
        ...(withDpop ? { DPoP } : {}),
      }),
    )
  const call = (accessToken: string, method: string, path: string, withDpop = true) =>
    oauth.protectedResourceRequest(accessToken, method, new URL(path, issuer), undefined, undefined, {
      ...http,
      ...(withDpop ? { DPoP } : {}),
    })
  return { as, client, keyPair, exchange, call, http }
}
