// The delegation flow (RFC 8693): the agent exchanges the user's token and its own for a delegated token, then calls the API.
import { epochSeconds } from '../../../protocol/clock.ts'
import { createNonceStore } from '../../../protocol/dpop/nonce-store.ts'
import { createReplayCache } from '../../../protocol/dpop/replay-cache.ts'
import { snapshotHeader } from '../../../protocol/http/http-snapshot.ts'
import { parseRawRequest } from '../../../protocol/http/parse-raw-request.ts'
import { createTokenService, tokenEndpointUrl } from '../../../protocol/idp/token-endpoint.ts'
import { findResourceServer } from '../../resource-catalog.ts'
import { createResourceService } from '../../../protocol/resource-server/resource-endpoint.ts'
import { tamperToken } from '../../../protocol/tokens/tamper-token.ts'
import { viewToken, type TokenView } from '../../../protocol/tokens/token-view.ts'
import { attackedResourceInputs } from '../../agent/apply-attack.ts'
import { buildResourceRequest } from '../../agent/build-resource-request.ts'
import { buildTokenRequest } from '../../agent/build-token-request.ts'
import { mintScenarioTokens } from '../../scenario/mint-scenario-tokens.ts'
import { IDP_ISSUER } from '../../scenario/seed-scenario.ts'
import type { Flow, FlowContext, FlowResult } from '../flow.ts'
import { FLOW_LABELS } from '../flow-labels.ts'
import { createStepRecorder } from '../step-recorder.ts'
import { actorIssuerKeys } from './actor-issuer-keys.ts'
import { recordSignIn } from '../../passkey/record-sign-in.ts'
import { subjectSignInNote } from '../../passkey/sign-in-label.ts'
import { delegationParties, P } from './delegation-parties.ts'
import { delegationProvenance } from './delegation-provenance.ts'

/**
 * Steps: the IdP issues the user's subject token and the workload issuer the agent's actor token
 * (local); the agent sends the exchange (a `use_dpop_nonce` answer adds a retry, RFC 9449 §8); an
 * attack may tamper with the issued token (local); then the resource call, sent twice for a replay.
 * Refusals are data; only bugs throw.
 */
async function runDelegation(context: FlowContext): Promise<FlowResult> {
  const { scenario, keys, clock, jwks } = context
  const steps = createStepRecorder()
  const tokens: Record<string, TokenView> = {}
  const config = findResourceServer(scenario.resourceCall.audience)
  const parties = delegationParties(scenario, config)
  const signedIn = recordSignIn(steps, P.user, P.idp, context.signIn)
  if (!signedIn.ok) return { parties, steps: steps.steps, tokens, provenance: {} }
  const minted = await mintScenarioTokens(scenario, keys, epochSeconds(context.realClock), signedIn.claims)
  // The page's "Defence on" switches: only this flow, in the page, ever hands servers a set.
  const defencesOff = new Set(scenario.defencesOff)
  tokens.subject = viewToken(minted.subject)
  // Says what the subject token's amr rests on: a simulated passkey, or the verified ceremony.
  steps.local(P.idp, P.user, "Issue the user's subject token", 'subject').note = subjectSignInNote(
    context.signIn,
  )
  if (minted.actor) {
    tokens.actor = viewToken(minted.actor)
    steps.local(P.workloadIssuer, P.agent, "Issue the agent's actor token", 'actor')
  }
  const result = (notSent?: FlowResult['notSent']): FlowResult => ({
    parties,
    steps: steps.steps,
    tokens,
    provenance: tokens.delegated?.payload
      ? delegationProvenance(tokens.delegated.payload, {
          scenario,
          subject: tokens.subject?.payload ?? null,
          actor: tokens.actor?.payload ?? null,
        })
      : {},
    ...(notSent ? { notSent } : {}),
  })

  const tokenEndpoint = tokenEndpointUrl(IDP_ISSUER)
  const idp = createTokenService({
    issuer: IDP_ISSUER,
    policy: scenario.policy,
    signingKey: keys.idp,
    idpJwks: jwks.idp,
    actorIssuerJwks: actorIssuerKeys(scenario, jwks.workload, keys),
    clock,
    replay: createReplayCache(),
    nonces: createNonceStore(),
    log: steps.checkLog('idp'),
    defencesOff,
  })
  const buildRequest = (nonce?: string) =>
    buildTokenRequest({
      scenario,
      tokenEndpoint,
      subjectToken: minted.subject,
      actorToken: minted.actor,
      dpopKey: keys.agentDpop,
      nowSeconds: epochSeconds(clock),
      ...(nonce ? { nonce } : {}),
    })

  const raw = scenario.edits.rawTokenRequest
  let tokenRequest: Request
  if (raw !== null) {
    const parsed = parseRawRequest(raw, new URL(tokenEndpoint).origin)
    if (!parsed.ok) return result(parsed.error)
    tokenRequest = parsed.value
  } else tokenRequest = await buildRequest()

  let exchange = await steps.http(P.agent, P.idp, idp, tokenRequest)
  // RFC 9449 §8: a client told to use a nonce retries once with it, as any DPoP client would.
  const nonce = snapshotHeader(exchange.http.response, 'dpop-nonce')
  if (exchange.http.response.status === 400 && nonce && raw === null)
    exchange = await steps.http(P.agent, P.idp, idp, await buildRequest(nonce))
  const proof = snapshotHeader(exchange.http.request, 'dpop')
  if (proof) tokens.tokenRequestProof = viewToken(proof)
  if (!exchange.decision.accepted) return result()

  // A 2xx token response carries JSON (RFC 8693 §2.2.1); the snapshot holds its body, read once.
  const issued = JSON.parse(exchange.http.response.body) as { access_token: string; token_type: string }
  let presented = issued.access_token
  if (scenario.edits.tamperedClaims !== null) {
    presented = tamperToken(issued.access_token, scenario.edits.tamperedClaims)
    steps.local(P.agent, P.agent, 'Tamper with the delegated token', 'delegated')
  }
  tokens.delegated = viewToken(presented)
  if (!config) return result()

  const rs = createResourceService({
    config,
    idpIssuer: IDP_ISSUER,
    idpJwks: jwks.idp,
    clock,
    replay: createReplayCache(),
    log: steps.checkLog('resource-server'),
    defencesOff,
  })
  const honest = {
    config,
    call: scenario.resourceCall,
    accessToken: presented,
    tokenType: issued.token_type,
    dpopKey: scenario.request.dpop ? keys.agentDpop : null,
    nowSeconds: epochSeconds(clock),
  }
  const built = await buildResourceRequest(attackedResourceInputs(scenario.attack, honest, keys.thiefDpop))
  if (built.proof) tokens.resourceRequestProof = viewToken(built.proof)
  const caller = scenario.attack === 'stolen-token' ? P.attacker : P.agent
  // A replay sends the very same request again: same token, same proof, same jti. The agent's call
  // goes first; the copy an eavesdropper kept comes second.
  const replay = scenario.attack === 'replayed-proof' ? built.request.clone() : null
  await steps.http(caller, P.resourceServer, rs, built.request)
  if (replay) await steps.http(P.attacker, P.resourceServer, rs, replay)
  return result()
}

export const delegationFlow: Flow = {
  id: 'delegation',
  label: FLOW_LABELS.delegation,
  run: runDelegation,
}
