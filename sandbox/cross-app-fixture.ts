// Test fixture for cross-app access over HTTP: a sandbox with a movable clock, and the agent's steps by hand.
import { CODE_REVIEWER } from '../src/core/playground/scenario/seed-scenario.ts'
import { ID_JAG, JWT_BEARER_GRANT, JWT_SPIFFE_ASSERTION } from '../src/core/protocol/id-jag/id-jag-names.ts'
import { TOKEN_EXCHANGE_GRANT } from '../src/core/playground/scenario/seed-scenario.ts'
import { TOKEN_TYPE } from '../src/core/protocol/tokens/token-types.ts'
import { postForm, startTestSandbox } from './sandbox-fixture.ts'

/** A sandbox whose clock tests can move forward, in seconds. */
export async function startCrossAppSandbox() {
  let offsetSeconds = 0
  const running = await startTestSandbox({ clock: () => Date.now() + offsetSeconds * 1000 })
  const base = running.issuer
  return {
    running,
    base,
    resourceAs: `${base}/resource-as`,
    mcp: `${base}/mcp`,
    advance: (seconds: number) => (offsetSeconds += seconds),
    now: () => Math.floor(Date.now() / 1000) + offsetSeconds,
  }
}

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** The user's ID token from the test issuer. */
export async function idToken(base: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await postForm(`${base}/demo/id-token`, new URLSearchParams({ sub: 'u_marwan', ...extra }))
  return (await json<{ id_token: string }>(response)).id_token
}

/** The agent's JWT-SVID, addressed to `aud`. */
export async function svid(base: string, aud: string, spiffeId = CODE_REVIEWER): Promise<string> {
  const response = await postForm(
    `${base}/demo/actor-token`,
    new URLSearchParams({ spiffe_id: spiffeId, aud }),
  )
  return (await json<{ actor_token: string }>(response)).actor_token
}

/** The ID-JAG request's parameters, without grant_type (oauth4webapi adds it). */
export async function idJagParams(base: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    requested_token_type: ID_JAG.tokenType,
    subject_token: await idToken(base),
    subject_token_type: TOKEN_TYPE.idToken,
    audience: `${base}/resource-as`,
    resource: `${base}/mcp`,
    scope: 'read:repo',
    client_assertion_type: JWT_SPIFFE_ASSERTION,
    client_assertion: await svid(base, base),
    ...extra,
  })
}

/** Asks the IdP's /token for an ID-JAG, as curl would. */
export async function requestIdJag(base: string, extra: Record<string, string> = {}): Promise<Response> {
  const params = await idJagParams(base, extra)
  params.set('grant_type', TOKEN_EXCHANGE_GRANT)
  return postForm(`${base}/token`, params)
}

export async function getIdJag(base: string, extra: Record<string, string> = {}): Promise<string> {
  return (await json<{ access_token: string }>(await requestIdJag(base, extra))).access_token
}

/** Presents an assertion at `url` (the resource AS's /token by default) as `spiffeId`, as curl would. */
export async function redeem(
  base: string,
  assertion: string,
  extra: Record<string, string> = {},
  spiffeId = CODE_REVIEWER,
  url = `${base}/resource-as/token`,
): Promise<Response> {
  return postForm(
    url,
    new URLSearchParams({
      grant_type: JWT_BEARER_GRANT,
      assertion,
      client_assertion_type: JWT_SPIFFE_ASSERTION,
      client_assertion: await svid(
        base,
        url.startsWith(`${base}/resource-as`) ? `${base}/resource-as` : base,
        spiffeId,
      ),
      ...extra,
    }),
  )
}

/** An access token for `resource` (an MCP server's URL), Bearer. */
export async function accessTokenFor(
  base: string,
  resource = `${base}/mcp`,
  scope = 'read:repo',
): Promise<string> {
  const grant = await getIdJag(base, { resource, scope })
  return (await json<{ access_token: string }>(await redeem(base, grant))).access_token
}

/** A JSON-RPC call to an MCP server, as a plain HTTP client sends it. */
export const mcpCall = (
  url: string,
  accessToken: string | null,
  body: unknown = { jsonrpc: '2.0', id: 1, method: 'tools/list' },
) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  })
