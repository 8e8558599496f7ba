// The transaction-token flow (draft-ietf-oauth-transaction-tokens-08): at the edge the agent's token becomes a Txn-Token that travels the call graph.
import type { AuditEvent } from '../../../protocol/audit/audit-event.ts'
import { offsetClock } from '../../../protocol/clock.ts'
import { refusalResponse, type Refusal } from '../../../protocol/errors/refusal.ts'
import { TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../../protocol/tokens/token-types.ts'
import { viewToken, type TokenView } from '../../../protocol/tokens/token-view.ts'
import { TXN_TOKEN_HEADER, TXN_TOKEN_TYPE } from '../../../protocol/txn-token/txn-token-format.ts'
import type { HttpStep, Step } from '../../run.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import { delegationFlow } from '../delegation/delegation-flow.ts'
import { domainKeys } from '../domain-keys.ts'
import type { Flow, FlowContext, FlowResult } from '../flow.ts'
import { FLOW_LABELS } from '../flow-labels.ts'
import { servedStep, type ServedBy } from '../served-step.ts'
import { DOMAIN, T, txnParties, WORKLOADS } from './txn-parties.ts'
import { SERVICE_SCOPES, TXN_TTL, txnServers, type TxnServers } from './txn-servers.ts'

const form = (url: string, params: Record<string, string>) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  })

const fromBody = <T>(step: HttpStep) => JSON.parse(step.http.response.body) as T
const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
/** A caller that got a refusal from the next hop answers with it: the refusal travels back to the agent. */
const passOn = (error: Refusal, audit: AuditEvent | null = null) => ({
  response: refusalResponse(error),
  heard: { error, checks: [], audit },
})
const refusalOf = (step: HttpStep) => (step.decision.accepted ? null : step.decision.error)

/** What the gateway asserts about the request it was sent: immutable for the rest of the call graph (§7.1). */
const REQUEST_DETAILS = { action: 'review', repo: 'marwan/playground', pull: 42 }

/** The edge's scenario: today's exchange, without its own resource call (the gateway is this flow's API). */
const edgeScenario = (scenario: Scenario): Scenario => ({
  ...scenario,
  attack: 'none',
  resourceCall: { ...scenario.resourceCall, audience: '' },
})

/**
 * Service A: verifies its Txn-Token (§12.2), asks the TTS for a replacement narrowed to its purpose,
 * adding to `tctx` (§11.4), and calls service B with it. A service that widens or rewrites context in
 * the replacement is the attack.
 */
function serviceA(steps: Step[], servers: TxnServers, scenario: Scenario): ServedBy {
  const attack = scenario.txn.attack
  return async (request) => {
    const own = await servers.serviceA(request)
    if (!own.response.ok) return own
    const txnToken = request.headers.get(TXN_TOKEN_HEADER) ?? ''
    const replaced = await servedStep(
      steps,
      { from: T.serviceA, to: T.tts, label: 'POST /token · replacement' },
      servers.tts,
      form(DOMAIN.ttsToken, {
        grant_type: TOKEN_EXCHANGE_GRANT,
        client_id: WORKLOADS.serviceA,
        requested_token_type: TXN_TOKEN_TYPE,
        audience: DOMAIN.trustDomain,
        scope:
          attack === 'replacement-widens'
            ? `${SERVICE_SCOPES.serviceB} delete:repo`
            : SERVICE_SCOPES.serviceB,
        subject_token: txnToken,
        subject_token_type: TXN_TOKEN_TYPE,
        request_details: JSON.stringify(
          attack === 'tampered-tctx' ? { repo: 'marwan/secrets' } : { step: 'fetch-diff' },
        ),
      }),
    )
    const refused = refusalOf(replaced)
    if (refused) return passOn(refused, own.heard.audit)
    const replacement = fromBody<{ access_token: string }>(replaced).access_token
    const b = await servedStep(
      steps,
      { from: T.serviceA, to: T.serviceB },
      servers.serviceB,
      new Request(attack === 'outside-trust-domain' ? DOMAIN.partner : DOMAIN.serviceB, {
        headers: { [TXN_TOKEN_HEADER]: replacement },
      }),
    )
    const refusedAtB = refusalOf(b)
    if (refusedAtB) return passOn(refusedAtB, own.heard.audit)
    // A's answer is what it verified itself, and what B answered it.
    const verified = (await own.response.json()) as Record<string, unknown>
    return { response: answer({ ...verified, next: fromBody(b) }), heard: own.heard }
  }
}

/**
 * The API gateway at the edge: exchanges the agent's access token at the TTS for a Txn-Token (§11.1)
 * and calls service A with it in the `Txn-Token` header, never the access token (§13.4) — unless the
 * attack has it forward the access token. The TTS verifies the access token (§11.3).
 */
function apiGateway(steps: Step[], servers: TxnServers, scenario: Scenario): ServedBy {
  return async (request) => {
    const accessToken = (request.headers.get('authorization') ?? '').replace(/^(Bearer|DPoP) /, '')
    const exchanged = await servedStep(
      steps,
      { from: T.gateway, to: T.tts },
      servers.tts,
      form(DOMAIN.ttsToken, {
        grant_type: TOKEN_EXCHANGE_GRANT,
        client_id: WORKLOADS.gateway,
        requested_token_type: TXN_TOKEN_TYPE,
        audience: DOMAIN.trustDomain,
        // The purpose: everything the agent's token was issued for; service A narrows it for B.
        scope: scenario.request.scope,
        subject_token: accessToken,
        subject_token_type: TOKEN_TYPE.accessToken,
        request_context: JSON.stringify({ req_ip: '203.0.113.7', authn: 'access_token' }),
        request_details: JSON.stringify(REQUEST_DETAILS),
      }),
    )
    const refused = refusalOf(exchanged)
    if (refused) return passOn(refused)
    const txnToken = fromBody<{ access_token: string }>(exchanged).access_token
    const headers: Record<string, string> =
      scenario.txn.attack === 'access-token-forwarded'
        ? { authorization: `Bearer ${accessToken}` }
        : { [TXN_TOKEN_HEADER]: txnToken }
    const a = await servedStep(
      steps,
      { from: T.gateway, to: T.serviceA },
      serviceA(steps, servers, scenario),
      new Request(DOMAIN.serviceA, { method: 'POST', headers }),
    )
    const refusedAtA = refusalOf(a)
    if (refusedAtA) return passOn(refusedAtA)
    return { response: answer(fromBody(a)), heard: { error: null, checks: [], audit: null } }
  }
}

/**
 * Steps: the delegation flow's (the agent's access token, issued by the IdP); the agent calls the API
 * gateway; the gateway gets a Txn-Token from the TTS and calls service A; A verifies it, gets a narrowed
 * replacement and calls service B, which verifies that. Each internal service's audit line names the
 * user (`sub`) and the agent (`act`).
 * @see draft-ietf-oauth-transaction-tokens-08 §2, §11, §12
 * @see draft-araut-oauth-transaction-tokens-for-agents-02
 */
async function runTxn(context: FlowContext): Promise<FlowResult> {
  const { scenario, clock } = context
  const edge = await delegationFlow.run({ ...context, scenario: edgeScenario(scenario) })
  const steps = edge.steps
  const tokens: Record<string, TokenView> = { ...edge.tokens }
  const result = (): FlowResult => ({ parties: txnParties(scenario), steps, tokens, provenance: {} })
  if (edge.notSent) return { ...result(), notSent: edge.notSent }
  const accessToken = tokens.delegated?.encoded
  if (!accessToken || !tokens.delegated) return result()
  tokens.accessToken = tokens.delegated

  const attack = scenario.txn.attack
  const servers = txnServers({
    domain: await domainKeys(context.keys),
    jwks: context.jwks,
    clock,
    edgeAudience: scenario.request.audiences[0] ?? scenario.resourceCall.audience,
    serviceB: {
      trustDomain: attack === 'outside-trust-domain' ? DOMAIN.otherTrustDomain : DOMAIN.trustDomain,
      // A queued job that reaches service B two Txn-Token lifetimes later.
      clock: attack === 'after-expiry' ? offsetClock(clock, 2 * TXN_TTL) : clock,
    },
  })
  await servedStep(
    steps,
    { from: T.agent, to: T.gateway },
    apiGateway(steps, servers, scenario),
    new Request(DOMAIN.gateway, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } }),
  )
  for (const step of steps) {
    if (step.kind !== 'http' || !step.decision.accepted) continue
    if (step.to === T.tts) {
      const token = viewToken(fromBody<{ access_token: string }>(step).access_token)
      tokens[step.from === T.gateway ? 'txnToken' : 'txnReplacement'] = token
      step.note = `issued ${describeTxn(token.payload)}`
    } else if (step.to === T.serviceA || step.to === T.serviceB)
      step.note = `verified ${describeTxn(verifiedClaims(step))}`
  }
  // The token the last service was handed, where the claims pane looks for it.
  const last = tokens.txnReplacement ?? tokens.txnToken
  if (last) tokens.delegated = last
  return result()
}

/** The claims a service says it verified, in its 200 answer (§12.2). */
const verifiedClaims = (step: HttpStep) =>
  fromBody<{ verified?: Record<string, unknown> }>(step).verified ?? null

/** "sub u_marwan, act spiffe://…, scope read:repo, txn …": who, for whom, for what. */
function describeTxn(claims: Record<string, unknown> | null): string {
  if (!claims) return 'the Txn-Token'
  const act = claims.act as { sub?: unknown } | undefined
  return `sub ${String(claims.sub)}, act ${act ? String(act.sub) : '(none)'}, scope ${String(claims.scope)}`
}

export const txnFlow: Flow = {
  id: 'transaction-tokens',
  label: FLOW_LABELS['transaction-tokens'],
  run: runTxn,
}
