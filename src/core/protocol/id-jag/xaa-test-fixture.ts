// Shared test setup for cross-app access: keys, an IdP, a resource AS and an MCP guard over one movable clock.
import { createDpopProof } from '../dpop/create-proof.ts'
import { accessTokenHash } from '../dpop/thumbprint.ts'
import type { BodyParams } from '../http/read-body-params.ts'
import { decideJwtBearerGrant } from '../resource-as/decide-jwt-bearer-grant.ts'
import { decideMcpAccess, type McpAccessDecision } from '../mcp/decide-mcp-access.ts'
import { decideIdJagExchange } from './decide-id-jag-exchange.ts'
import type { XaaResult } from './xaa-error.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createSigningKey, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import { createResourceAsTokenEndpoint } from '../resource-as/resource-as-token-endpoint.ts'
import { mintActorToken } from '../tokens/mint-actor-token.ts'
import { TOKEN_TYPE } from '../tokens/token-types.ts'
import type { AuditEvent } from '../audit/audit-event.ts'
import { guardMcpRequest } from '../mcp/guard-mcp-request.ts'
import { createIdJagEndpoint } from './id-jag-endpoint.ts'
import { ID_JAG, JWT_BEARER_GRANT, JWT_SPIFFE_ASSERTION, TOKEN_EXCHANGE_GRANT_TYPE } from './id-jag-names.ts'
import type { IdJagPolicy } from './id-jag-policy.ts'
import { mintIdToken } from './mint-id-token.ts'
import type { ResourceAsPolicy } from '../resource-as/resource-as-policy.ts'
import type { CheckLog } from '../trace/check-log.ts'

export const IDP = 'https://idp.example'
export const RAS = 'https://idp.example/resource-as'
export const OTHER_RAS = 'https://other-as.example'
export const MCP = 'https://idp.example/mcp'
export const WORKLOAD = 'https://spire.example'
export const AGENT_A = 'spiffe://prod/agent/code-reviewer/v3'
export const AGENT_B = 'spiffe://prod/agent/test-runner/v1'
export const USER = 'u_marwan'
export const START = 1_800_000_000

export const IDP_POLICY: IdJagPolicy = {
  clients: [
    { clientId: 'a_code_reviewer', spiffeId: AGENT_A },
    { clientId: 'a_test_runner', spiffeId: AGENT_B },
  ],
  grants: [
    {
      agent: AGENT_A,
      users: [USER],
      resourceAs: RAS,
      resources: [MCP],
      scopes: ['repo:read', 'issues:write'],
      clientIdAtResourceAs: 'ras_code_reviewer',
    },
    {
      agent: AGENT_A,
      users: [USER],
      resourceAs: OTHER_RAS,
      resources: ['https://other.example/mcp'],
      scopes: ['repo:read'],
      clientIdAtResourceAs: 'other_code_reviewer',
    },
    {
      agent: AGENT_B,
      users: ['*'],
      resourceAs: RAS,
      resources: [MCP],
      scopes: ['repo:read'],
      clientIdAtResourceAs: 'ras_test_runner',
    },
  ],
  maxIdTokenAgeSeconds: 3600,
  idJagTtl: 300,
}

export const RAS_POLICY: ResourceAsPolicy = {
  clients: [
    { clientId: 'ras_code_reviewer', spiffeId: AGENT_A },
    { clientId: 'ras_test_runner', spiffeId: AGENT_B },
  ],
  resources: [{ resource: MCP, scopes: ['repo:read', 'issues:write'] }],
  accessTokenTtl: 600,
}

export interface XaaFixture {
  keys: { idp: SigningKey; workload: SigningKey; ras: SigningKey; dpop: SigningKey }
  /** Moves the shared clock by `seconds`. */
  advance(seconds: number): void
  now(): number
  svid(agent?: string, audience?: string): Promise<string>
  idToken(options?: { sub?: string; aud?: string; authAge?: number | null }): Promise<string>
  /** Asks the IdP for an ID-JAG; `params` override the happy path's (null removes one). */
  exchange(params?: Record<string, string | null>, headers?: Record<string, string>): Promise<Response>
  /** Redeems an assertion at the resource AS as `agent`. */
  redeem(
    assertion: string,
    params?: Record<string, string | null>,
    agent?: string,
    dpop?: boolean,
  ): Promise<Response>
  /** Happy path to an ID-JAG string. */
  idJag(params?: Record<string, string | null>): Promise<string>
  callMcp(accessToken: string | null, url?: string, dpop?: boolean): Promise<Response>
  audit: AuditEvent[]
  /** The IdP's decision on an ID-JAG request, with its reason on refusal. */
  decideExchange(
    params?: Record<string, string | null>,
    jkt?: string | null,
    log?: CheckLog,
  ): Promise<XaaResult<unknown>>
  /** The resource AS's decision on a jwt-bearer grant. */
  decideRedeem(
    assertion: string,
    params?: Record<string, string | null>,
    agent?: string,
    jkt?: string | null,
    log?: CheckLog,
  ): Promise<XaaResult<unknown>>
  /** The MCP server's decision on a Bearer call to `url`. */
  decideMcp(accessToken: string, url?: string, log?: CheckLog): Promise<McpAccessDecision>
}

const form = (url: string, params: Record<string, string | null>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== null) body.set(name, value)
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })
}

/** Builds the three servers with fresh keys and a clock that tests move by hand. */
export async function createXaaFixture(): Promise<XaaFixture> {
  const [idp, workload, ras, dpop] = await Promise.all([1, 2, 3, 4].map(() => createSigningKey()))
  const keys = { idp: idp!, workload: workload!, ras: ras!, dpop: dpop! }
  let seconds = START
  const clock = () => seconds * 1000
  const replay = createReplayCache()
  const workloadIssuers = { [WORKLOAD]: publicJwks(keys.workload) }
  const audit: AuditEvent[] = []

  const idJagEndpoint = createIdJagEndpoint({
    issuer: IDP,
    policy: IDP_POLICY,
    idpJwks: publicJwks(keys.idp),
    workloadIssuers,
    signingKey: keys.idp,
    clock,
    replay,
  })
  const rasEndpoint = createResourceAsTokenEndpoint({
    issuer: RAS,
    policy: RAS_POLICY,
    trustedIdps: { [IDP]: publicJwks(keys.idp) },
    workloadIssuers,
    signingKey: keys.ras,
    clock,
    replay,
  })

  const svid = (agent = AGENT_A, audience = IDP) =>
    mintActorToken(keys.workload, {
      issuer: WORKLOAD,
      spiffeId: agent,
      audience,
      attestation: 'none',
      iat: seconds,
      ttl: 300,
    })
  const idToken: XaaFixture['idToken'] = ({ sub = USER, aud = 'a_code_reviewer', authAge = 60 } = {}) =>
    mintIdToken(keys.idp, {
      issuer: IDP,
      sub,
      audience: aud,
      amr: ['hwk', 'user'],
      authTime: seconds - (authAge ?? 0),
      iat: seconds,
      ttl: 3600,
    })

  const exchangeParams = async (params: Record<string, string | null>) => ({
    grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
    requested_token_type: ID_JAG.tokenType,
    subject_token: await idToken(),
    subject_token_type: TOKEN_TYPE.idToken,
    audience: RAS,
    resource: MCP,
    scope: 'repo:read',
    client_assertion_type: JWT_SPIFFE_ASSERTION,
    client_assertion: await svid(),
    ...params,
  })
  const exchange: XaaFixture['exchange'] = async (params = {}, headers = {}) =>
    idJagEndpoint(form(`${IDP}/token`, await exchangeParams(params), headers))
  const redeemParams = async (assertion: string, params: Record<string, string | null>, agent: string) => ({
    grant_type: JWT_BEARER_GRANT,
    assertion,
    client_assertion_type: JWT_SPIFFE_ASSERTION,
    client_assertion: await svid(agent, RAS),
    ...params,
  })
  const present = (params: Record<string, string | null>): BodyParams =>
    Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null))

  const redeem: XaaFixture['redeem'] = async (assertion, params = {}, agent = AGENT_A, withDpop = false) => {
    const url = `${RAS}/token`
    const headers: Record<string, string> = withDpop
      ? { dpop: await createDpopProof(keys.dpop, { htm: 'POST', htu: url, iat: seconds }) }
      : {}
    return rasEndpoint(form(url, await redeemParams(assertion, params, agent), headers))
  }

  const callMcp: XaaFixture['callMcp'] = async (accessToken, url = MCP, withDpop = false) => {
    const headers: Record<string, string> = {}
    if (accessToken !== null) headers.authorization = `${withDpop ? 'DPoP' : 'Bearer'} ${accessToken}`
    if (withDpop) {
      headers.dpop = await createDpopProof(keys.dpop, {
        htm: 'POST',
        htu: url,
        iat: seconds,
        ath: await accessTokenHash(accessToken ?? ''),
      })
    }
    const request = new Request(url, { method: 'POST', headers })
    const guarded = await guardMcpRequest(request, {
      resource: MCP,
      issuer: RAS,
      jwks: publicJwks(keys.ras),
      requiredScope: 'repo:read',
      clock,
      replay,
      audit: (event) => audit.push(event),
    })
    return guarded.ok
      ? new Response(JSON.stringify({ sub: guarded.claims.sub }), { status: 200 })
      : guarded.response
  }

  const trustedIdps = { [IDP]: publicJwks(keys.idp) }
  return {
    decideExchange: async (params = {}, jkt = null, log) =>
      decideIdJagExchange(present(await exchangeParams(params)), {
        issuer: IDP,
        policy: IDP_POLICY,
        idpJwks: publicJwks(keys.idp),
        workloadIssuers,
        nowSeconds: seconds,
        jkt,
        ...(log ? { log } : {}),
      }),
    decideRedeem: async (assertion, params = {}, agent = AGENT_A, jkt = null, log) =>
      decideJwtBearerGrant(present(await redeemParams(assertion, params, agent)), {
        issuer: RAS,
        policy: RAS_POLICY,
        trustedIdps,
        workloadIssuers,
        nowSeconds: seconds,
        replay,
        jkt,
        ...(log ? { log } : {}),
      }),
    decideMcp: (accessToken, url = MCP, log) =>
      decideMcpAccess(
        new Request(url, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } }),
        {
          resource: MCP,
          issuer: RAS,
          jwks: publicJwks(keys.ras),
          requiredScope: 'repo:read',
          nowSeconds: seconds,
          replay,
          ...(log ? { log } : {}),
        },
      ),
    keys,
    advance: (by) => (seconds += by),
    now: () => seconds,
    svid,
    idToken,
    exchange,
    redeem,
    idJag: async (params) =>
      ((await (await exchange(params)).json()) as { access_token: string }).access_token,
    callMcp,
    audit,
  }
}

/** The error body of a refusal, with its status. */
export async function errorOf(response: Response): Promise<{ status: number; error: string }> {
  const body = (await response.json()) as { error: string }
  return { status: response.status, error: body.error }
}

/** The code and reason of a decision that must be a refusal; fails the test when it was accepted. */
export async function refusal(
  result: Promise<{ ok: boolean; error?: { code: string; reason: string } }>,
): Promise<{ code: string | undefined; reason: string | undefined }> {
  const settled = await result
  if (settled.ok) throw new Error('expected a refusal, the decision was accepted')
  return { code: settled.error?.code, reason: settled.error?.reason }
}
