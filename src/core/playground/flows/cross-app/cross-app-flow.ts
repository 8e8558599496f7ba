// The cross-app access flow (ID-JAG): sign-in, the IdP's ID-JAG, the resource AS's access token, the MCP tool call.
import { epochSeconds, offsetClock } from '../../../protocol/clock.ts'
import { createDpopProof } from '../../../protocol/dpop/create-proof.ts'
import { createReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import { accessTokenHash } from '../../../protocol/dpop/thumbprint.ts'
import {
  ID_JAG,
  JWT_BEARER_GRANT,
  JWT_SPIFFE_ASSERTION,
  TOKEN_EXCHANGE_GRANT_TYPE,
} from '../../../protocol/id-jag/id-jag-names.ts'
import { mintIdToken } from '../../../protocol/id-jag/mint-id-token.ts'
import {
  createSigningKey,
  publicJwks,
  type KeyRing,
  type SigningKey,
} from '../../../protocol/keys/key-ring.ts'
import { mintActorToken } from '../../../protocol/tokens/mint-actor-token.ts'
import { TOKEN_TYPE } from '../../../protocol/tokens/token-types.ts'
import { viewToken, type TokenView } from '../../../protocol/tokens/token-view.ts'
import type { HttpStep } from '../../run.ts'
import { IDP_ISSUER, OTHER_MCP_SERVER, RESOURCE_AS_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Flow, FlowContext, FlowResult } from '../flow.ts'
import { FLOW_LABELS } from '../flow-labels.ts'
import { createStepRecorder } from '../step-recorder.ts'
import { CROSS_APP_RAS_POLICY, crossAppIdpPolicy, crossAppParties, otherAgent, X } from './cross-app-setup.ts'
import { createCrossAppIdpService, createResourceAsService } from './cross-app-services.ts'
import { createMcpService } from './mcp-tool.ts'
import { SIMULATED_PASSKEY } from '../../passkey/sign-in-label.ts'

// The resource AS signs with a key of its own, made once per key ring like every demo key.
const rasKeys = new WeakMap<KeyRing, Promise<SigningKey>>()
function resourceAsKey(keys: KeyRing): Promise<SigningKey> {
  let key = rasKeys.get(keys)
  if (!key) rasKeys.set(keys, (key = createSigningKey()))
  return key
}

const form = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  })

const tokenOf = (step: HttpStep) =>
  JSON.parse(step.http.response.body) as { access_token: string; token_type: string }

/**
 * Steps: the user signs in and the agent holds an ID token (local); the agent asks the IdP for an
 * ID-JAG (RFC 8693, its JWT-SVID as client assertion); redeems it at the resource AS (RFC 7523, with a
 * DPoP proof); calls the MCP server's tool. Attacks add or redirect steps. Refusals are data.
 */
async function runCrossApp(context: FlowContext): Promise<FlowResult> {
  const { scenario, keys, jwks } = context
  const x = scenario.crossApp
  const steps = createStepRecorder()
  const tokens: Record<string, TokenView> = {}
  const mcpUrl = x.attack === 'token-at-other-mcp' ? OTHER_MCP_SERVER : x.resource
  const result = (): FlowResult => ({
    parties: crossAppParties(scenario, mcpUrl),
    steps: steps.steps,
    tokens,
    provenance: {},
  })
  const now = epochSeconds(context.clock)
  // The page's "Defence on" switches: only a flow, in the page, ever hands servers a set.
  const defencesOff = new Set(scenario.defencesOff)
  const clientAtIdp =
    scenario.policy.clients.find((client) => client.spiffeId === scenario.actor.spiffeId)?.clientId ??
    scenario.actor.spiffeId
  const idToken = await mintIdToken(keys.idp, {
    issuer: IDP_ISSUER,
    sub: scenario.user.sub,
    audience: clientAtIdp,
    amr: scenario.user.amr,
    authTime: now - x.idTokenAge,
    iat: now,
    ttl: scenario.user.subjectTokenTtl,
  })
  tokens.idToken = viewToken(idToken)
  // This flow never takes the page's passkey ceremony: the ID token's amr is the scenario's, and says so.
  steps.local(X.user, X.agent, "Sign in: the agent holds the user's ID token", 'idToken').note =
    `${SIMULATED_PASSKEY}: this flow runs no WebAuthn ceremony, the ID token's amr is the scenario's`

  // A JWT-SVID addressed to each authorization server (draft-ietf-oauth-spiffe-client-auth §3.1).
  const svid = (spiffeId: string, audience: string, iat: number) =>
    mintActorToken(keys.workload, {
      issuer: scenario.actor.issuer,
      spiffeId,
      audience,
      attestation: scenario.actor.attestation,
      iat,
      ttl: scenario.actor.tokenTtl,
    })
  const workloadIssuers = Object.fromEntries(
    scenario.policy.trustedActorIssuers.map((issuer) => [issuer, jwks.workload]),
  )
  const replay = createReplayCache()
  const idp = createCrossAppIdpService({
    issuer: IDP_ISSUER,
    policy: crossAppIdpPolicy(scenario),
    idpJwks: jwks.idp,
    workloadIssuers,
    signingKey: keys.idp,
    clock: context.clock,
    replay,
    log: steps.checkLog('idp'),
    defencesOff,
  })
  const idpAssertion = await svid(scenario.actor.spiffeId, IDP_ISSUER, now)
  tokens.clientAssertion = viewToken(idpAssertion)
  const exchange = await steps.http(
    X.agent,
    X.idp,
    idp,
    form(`${IDP_ISSUER}/token`, {
      grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
      requested_token_type: ID_JAG.tokenType,
      subject_token: idToken,
      subject_token_type: TOKEN_TYPE.idToken,
      audience: x.resourceAs,
      resource: x.resource,
      ...(x.scope ? { scope: x.scope } : {}),
      client_assertion_type: JWT_SPIFFE_ASSERTION,
      client_assertion: idpAssertion,
    }),
  )
  if (!exchange.decision.accepted) return result()
  const idJag = tokenOf(exchange).access_token
  tokens.idJag = viewToken(idJag)

  // The agent redeems later than it asked when the scenario says so: the ID-JAG ages (§3 `exp`).
  const later = offsetClock(context.clock, x.redeemDelay)
  const laterSeconds = epochSeconds(later)
  const redeemer = x.attack === 'other-agent-redeems' ? otherAgent(scenario) : scenario.actor.spiffeId
  const redeemFrom = x.attack === 'other-agent-redeems' ? X.attacker : X.agent
  const redeemRequest = async (url: string, spiffeId: string) => {
    const proof = scenario.request.dpop
      ? await createDpopProof(keys.agentDpop, { htm: 'POST', htu: url, iat: laterSeconds })
      : null
    if (proof) tokens.redeemProof = viewToken(proof)
    const audience = url.startsWith(IDP_ISSUER + '/') ? IDP_ISSUER : RESOURCE_AS_ISSUER
    return form(
      url,
      {
        grant_type: JWT_BEARER_GRANT,
        assertion: idJag,
        ...(x.redeemScope ? { scope: x.redeemScope } : {}),
        client_assertion_type: JWT_SPIFFE_ASSERTION,
        client_assertion: await svid(spiffeId, audience, laterSeconds),
      },
      proof ? { dpop: proof } : {},
    )
  }
  // §4.4: an IdP never redeems its own ID-JAG.
  if (x.attack === 'id-jag-at-idp') {
    await steps.http(X.agent, X.idp, idp, await redeemRequest(`${IDP_ISSUER}/token`, redeemer))
    return result()
  }

  const ras = createResourceAsService({
    issuer: RESOURCE_AS_ISSUER,
    policy: CROSS_APP_RAS_POLICY,
    trustedIdps: { [IDP_ISSUER]: jwks.idp },
    workloadIssuers,
    signingKey: await resourceAsKey(keys),
    clock: later,
    replay,
    log: steps.checkLog('authorization-server'),
    defencesOff,
  })
  const rasToken = `${RESOURCE_AS_ISSUER}/token`
  let grant = await steps.http(redeemFrom, X.resourceAs, ras, await redeemRequest(rasToken, redeemer))
  // A replay: someone who kept a copy of the ID-JAG redeems it again, with a fresh proof of their own.
  if (x.attack === 'replayed-id-jag' && grant.decision.accepted)
    grant = await steps.http(X.attacker, X.resourceAs, ras, await redeemRequest(rasToken, redeemer))
  if (!grant.decision.accepted) return result()
  const issued = tokenOf(grant)
  tokens.delegated = viewToken(issued.access_token)

  const mcp = createMcpService({
    resource: mcpUrl,
    resourceAsIssuer: RESOURCE_AS_ISSUER,
    resourceAsJwks: publicJwks(await resourceAsKey(keys)),
    clock: later,
    replay,
    log: steps.checkLog('resource-server'),
    defencesOff,
  })
  const bound = issued.token_type === 'DPoP'
  const mcpProof = bound
    ? await createDpopProof(keys.agentDpop, {
        htm: 'POST',
        htu: mcpUrl,
        iat: laterSeconds,
        ath: await accessTokenHash(issued.access_token),
      })
    : null
  if (mcpProof) tokens.resourceRequestProof = viewToken(mcpProof)
  await steps.http(
    X.agent,
    X.mcp,
    mcp,
    new Request(mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `${bound ? 'DPoP' : 'Bearer'} ${issued.access_token}`,
        ...(mcpProof ? { dpop: mcpProof } : {}),
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'get_repository', arguments: { owner: 'marwan', repo: 'playground' } },
      }),
    }),
  )
  return result()
}

export const crossAppFlow: Flow = {
  id: 'cross-app',
  label: FLOW_LABELS['cross-app'],
  run: runCrossApp,
}
