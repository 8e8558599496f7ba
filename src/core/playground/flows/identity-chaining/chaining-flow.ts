// The identity-chaining flow (draft-ietf-oauth-identity-chaining-16): a delegated token of domain A becomes B's access token.
import { JWT_TOKEN_TYPE } from '../../../protocol/identity-chaining/chaining-spec.ts'
import { JWT_BEARER_GRANT } from '../../../protocol/jwt-bearer/jwt-bearer-request.ts'
import { TOKEN_EXCHANGE_GRANT, TOKEN_TYPE } from '../../../protocol/tokens/token-types.ts'
import { viewToken, type TokenView } from '../../../protocol/tokens/token-view.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import { delegationFlow } from '../delegation/delegation-flow.ts'
import { domainKeys } from '../domain-keys.ts'
import type { Flow, FlowContext, FlowResult } from '../flow.ts'
import { FLOW_LABELS } from '../flow-labels.ts'
import { formPost as form } from '../form-post.ts'
import { servedStep } from '../served-step.ts'
import { C, CHAINED_SUBJECTS, chainingParties, DOMAINS } from './chaining-parties.ts'
import { B_API_SCOPE, chainingServers } from './chaining-servers.ts'
import { hopNote } from './hop-note.ts'

const bearer = (token: string) =>
  new Request(`${DOMAINS.bApi}/repos/marwan/playground`, { headers: { authorization: `Bearer ${token}` } })

/**
 * The first hop is today's delegation exchange in domain A, run by the delegation flow itself; its own
 * resource call is left out (B's API is this flow's), which is what naming no resource server does.
 */
const domainAScenario = (scenario: Scenario): Scenario => ({
  ...scenario,
  attack: 'none',
  resourceCall: { ...scenario.resourceCall, audience: '' },
})

/**
 * Steps: the delegation flow's (subject and actor tokens, the exchange at domain A's IdP); the agent
 * exchanges the delegated token at A for a JWT grant naming B's AS (RFC 8693, §2.3); it presents the
 * grant at B (RFC 7523, §2.4); it calls B's API with B's token, whose audit line names B's user and the
 * agent. Each attack changes one of those requests, or adds one.
 * @see draft-ietf-oauth-identity-chaining-16 §2
 */
async function runChaining(context: FlowContext): Promise<FlowResult> {
  const { scenario } = context
  const attack = scenario.chaining.attack
  const first = await delegationFlow.run({ ...context, scenario: domainAScenario(scenario) })
  const steps = first.steps
  const tokens: Record<string, TokenView> = { ...first.tokens }
  const result = (): FlowResult => ({ parties: chainingParties(scenario), steps, tokens, provenance: {} })
  const delegated = tokens.delegated?.encoded
  if (first.notSent) return { ...result(), notSent: first.notSent }
  // The delegation flow names the issued token only when domain A's IdP issued it.
  if (!delegated || !tokens.delegated) return result()
  tokens.domainA = tokens.delegated

  const servers = chainingServers({
    ...context,
    domain: await domainKeys(context.keys),
    // The page's "Defence on" switches: only the page's scenario ever hands these servers a set.
    defencesOff: new Set(scenario.defencesOff),
  })
  if (attack === 'domain-a-token-at-b') {
    // No grant, no hop: the agent tries A's token where only B's tokens count (§2.3.3).
    await servedStep(steps, { from: C.agent, to: C.rsB }, servers.apiB, bearer(delegated))
    return result()
  }

  const grantStep = await servedStep(
    steps,
    { from: C.agent, to: C.asA },
    servers.grantEndpoint,
    form(DOMAINS.grantEndpoint, {
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: delegated,
      subject_token_type: TOKEN_TYPE.accessToken,
      requested_token_type: JWT_TOKEN_TYPE,
      resource: attack === 'grant-at-third-domain' ? DOMAINS.c : DOMAINS.b,
      scope: B_API_SCOPE,
      // Splicing: the agent slips its own actor token into the hop, to add an actor to the chain.
      ...(attack === 'act-spliced' && tokens.actor ? { actor_token: tokens.actor.encoded } : {}),
      ...(attack === 'act-spliced' && tokens.actor ? { actor_token_type: TOKEN_TYPE.jwt } : {}),
    }),
  )
  if (!grantStep.decision.accepted) return result()
  const grant = (JSON.parse(grantStep.http.response.body) as { access_token: string }).access_token
  tokens.grant = viewToken(grant)
  grantStep.note = hopNote(tokens.domainA.payload, tokens.grant.payload)

  const redeem = (scope: string) =>
    form(DOMAINS.bToken, { grant_type: JWT_BEARER_GRANT, assertion: grant, scope })
  const scopeAtB = attack === 'widened-at-b' ? `${B_API_SCOPE} write:issues` : B_API_SCOPE
  const redeemed = await servedStep(steps, { from: C.agent, to: C.asB }, servers.domainB, redeem(scopeAtB))
  if (attack === 'replayed-grant')
    await servedStep(steps, { from: C.attacker, to: C.asB }, servers.domainB, redeem(scopeAtB))
  if (!redeemed.decision.accepted) return result()
  const accessToken = (JSON.parse(redeemed.http.response.body) as { access_token: string }).access_token
  tokens.domainB = viewToken(accessToken)
  redeemed.note = hopNote(tokens.grant.payload, tokens.domainB.payload)
  if (!steps.at(-1)!.decision.accepted) return result()
  // The token the agent presents last, where the claims pane looks for it.
  tokens.delegated = tokens.domainB

  await servedStep(steps, { from: C.agent, to: C.rsB }, servers.apiB, bearer(accessToken))
  return result()
}

export const chainingFlow: Flow = {
  id: 'identity-chaining',
  label: FLOW_LABELS['identity-chaining'],
  run: runChaining,
}

export { CHAINED_SUBJECTS }
