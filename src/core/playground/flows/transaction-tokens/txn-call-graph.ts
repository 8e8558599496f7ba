// The call graph behind the API gateway: what the gateway and service A do while they serve, each calling the next hop.
import type { AuditEvent } from '../../../protocol/audit/audit-event.ts'
import { refusalResponse, type Refusal } from '../../../protocol/errors/refusal.ts'
import type { Check } from '../../../protocol/trace/check-log.ts'
import { TOKEN_EXCHANGE_GRANT, TOKEN_TYPE } from '../../../protocol/tokens/token-types.ts'
import { TXN_TOKEN_HEADER, TXN_TOKEN_TYPE } from '../../../protocol/txn-token/txn-token-format.ts'
import type { HttpStep, Step } from '../../run.ts'
import type { Scenario } from '../../scenario/scenario.ts'
import { formPost as form } from '../form-post.ts'
import { servedStep, type ServedBy } from '../served-step.ts'
import { DOMAIN, T, WORKLOADS } from './txn-parties.ts'
import { SERVICE_SCOPES, type TxnServers } from './txn-servers.ts'

export const fromBody = <T>(step: HttpStep) => JSON.parse(step.http.response.body) as T
const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
/** A caller that got a refusal from the next hop answers with it: the refusal travels back to the agent. */
const passOn = (error: Refusal, audit: AuditEvent | null = null, checks: Check[] = []) => ({
  response: refusalResponse(error),
  heard: { error, checks, audit },
})
const refusalOf = (step: HttpStep) => (step.decision.accepted ? null : step.decision.error)

/** What the gateway asserts about the request it was sent: immutable for the rest of the call graph (§7.1). */
const REQUEST_DETAILS = { action: 'review', repo: 'marwan/playground', pull: 42 }

/**
 * Service A: verifies its Txn-Token (§12.2), asks the TTS for a replacement narrowed to its purpose,
 * adding to `tctx` (§11.4), and calls service B with it. A service that widens or rewrites context in
 * the replacement is the attack. Handed an access token instead, and vulnerable enough to take it, A
 * passes it on as it came: no Txn-Token ever enters the graph.
 */
function serviceA(steps: Step[], servers: TxnServers, scenario: Scenario): ServedBy {
  const attack = scenario.txn.attack
  return async (request) => {
    const own = await servers.serviceA(request)
    if (!own.response.ok) return own
    const txnToken = request.headers.get(TXN_TOKEN_HEADER)
    let headers: Record<string, string> = { authorization: request.headers.get('authorization') ?? '' }
    if (txnToken !== null) {
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
      if (refused) return passOn(refused, own.heard.audit, own.heard.checks)
      headers = { [TXN_TOKEN_HEADER]: fromBody<{ access_token: string }>(replaced).access_token }
    }
    const b = await servedStep(
      steps,
      { from: T.serviceA, to: T.serviceB },
      servers.serviceB,
      new Request(attack === 'outside-trust-domain' ? DOMAIN.partner : DOMAIN.serviceB, { headers }),
    )
    const refusedAtB = refusalOf(b)
    if (refusedAtB) return passOn(refusedAtB, own.heard.audit, own.heard.checks)
    // A's answer is what it verified itself, and what B answered it.
    const verified = (await own.response.json()) as Record<string, unknown>
    return { response: answer({ ...verified, next: fromBody(b) }), heard: own.heard }
  }
}

/**
 * The API gateway at the edge: verifies the agent's access token and its DPoP proof (RFC 9449 §7.1),
 * exchanges the token at the TTS for a Txn-Token (§11.1) and calls service A with it in the `Txn-Token`
 * header, never the access token (§13.4) — unless the attack has it forward the access token.
 */
export function apiGateway(steps: Step[], servers: TxnServers, scenario: Scenario): ServedBy {
  return async (request) => {
    servers.gateway.tap.take()
    const edge = await servers.gateway.verify(request)
    const { checks } = servers.gateway.tap.take()
    if (!edge.ok) return passOn(edge.error, null, checks)
    const { accessToken } = edge.value
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
        request_context: JSON.stringify({
          req_ip: '203.0.113.7',
          authn: edge.value.jkt ? 'access_token+dpop' : 'access_token',
        }),
        request_details: JSON.stringify(REQUEST_DETAILS),
      }),
    )
    const refused = refusalOf(exchanged)
    if (refused) return passOn(refused, null, checks)
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
    if (refusedAtA) return passOn(refusedAtA, null, checks)
    return { response: answer(fromBody(a)), heard: { error: null, checks, audit: null } }
  }
}
