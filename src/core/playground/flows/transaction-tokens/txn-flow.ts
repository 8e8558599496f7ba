// The transaction-token flow (draft-ietf-oauth-transaction-tokens-08): at the edge the agent's token becomes a Txn-Token that travels the call graph.
import { epochSeconds, offsetClock } from '../../../protocol/clock.ts'
import { createDpopProof } from '../../../protocol/dpop/create-proof.ts'
import { accessTokenHash } from '../../../protocol/dpop/thumbprint.ts'
import { isObject } from '../../../protocol/json/is-object.ts'
import type { SigningKey } from '../../../protocol/keys/key-ring.ts'
import { viewToken, type TokenView } from '../../../protocol/tokens/token-view.ts'
import type { HttpStep } from '../../run.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import { delegationFlow } from '../delegation/delegation-flow.ts'
import { domainKeys } from '../domain-keys.ts'
import type { Flow, FlowContext, FlowResult } from '../flow.ts'
import { FLOW_LABELS } from '../flow-labels.ts'
import { servedStep } from '../served-step.ts'
import { apiGateway, fromBody } from './txn-call-graph.ts'
import { DOMAIN, T, txnParties } from './txn-parties.ts'
import { TXN_TTL, txnServers } from './txn-servers.ts'

/** The edge's scenario: today's exchange, without its own resource call (the gateway is this flow's API). */
const edgeScenario = (scenario: Scenario): Scenario => ({
  ...scenario,
  attack: 'none',
  resourceCall: { ...scenario.resourceCall, audience: '' },
})

/** The agent's call to the gateway: its access token, under DPoP with a proof when the token is bound. */
async function edgeRequest(accessToken: TokenView, dpopKey: SigningKey, nowSeconds: number) {
  const headers = new Headers({ authorization: `Bearer ${accessToken.encoded}` })
  if (isObject(accessToken.payload?.cnf)) {
    headers.set('authorization', `DPoP ${accessToken.encoded}`)
    headers.set(
      'dpop',
      await createDpopProof(dpopKey, {
        htm: 'POST',
        htu: DOMAIN.gateway,
        iat: nowSeconds,
        ath: await accessTokenHash(accessToken.encoded),
      }),
    )
  }
  return new Request(DOMAIN.gateway, { method: 'POST', headers })
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
  if (!tokens.delegated?.encoded) return result()
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
    // The page's "Defence on" switches: only the page's scenario ever hands these servers a set.
    defencesOff: new Set(scenario.defencesOff),
  })
  await servedStep(
    steps,
    { from: T.agent, to: T.gateway },
    apiGateway(steps, servers, scenario),
    await edgeRequest(tokens.delegated, context.keys.agentDpop, epochSeconds(clock)),
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
