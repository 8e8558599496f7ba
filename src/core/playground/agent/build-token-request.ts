// The agent's side of the exchange: the RFC 8693 request it sends, with its DPoP proof.
import { createDpopProof } from '../../protocol/dpop/create-proof.ts'
import type { SigningKey } from '../../protocol/keys/key-ring.ts'
import { TOKEN_EXCHANGE_GRANT } from '../../protocol/tokens/token-types.ts'
import type { Scenario } from '../scenario/scenario.ts'
import { TOKEN_TYPE } from '../../protocol/tokens/token-types.ts'

export interface TokenRequestInputs {
  scenario: Scenario
  tokenEndpoint: string
  subjectToken: string
  actorToken: string | null
  dpopKey: SigningKey
  nowSeconds: number
  nonce?: string
}

/** The agent's client_id, when the IdP's registry knows its workload. */
export function clientIdFor(scenario: Scenario): string | null {
  return (
    scenario.policy.clients.find((client) => client.spiffeId === scenario.actor.spiffeId)?.clientId ?? null
  )
}

/**
 * Builds the token exchange request as a real `Request`: a form POST, with a DPoP proof for
 * `POST {token endpoint}` when DPoP is on.
 * @see RFC 8693 §2.1, RFC 9449 §5
 */
export async function buildTokenRequest(inputs: TokenRequestInputs): Promise<Request> {
  const { scenario } = inputs
  const { request } = scenario
  const body = new URLSearchParams()
  body.append('grant_type', TOKEN_EXCHANGE_GRANT)
  body.append('requested_token_type', request.requestedTokenType)
  body.append('subject_token', inputs.subjectToken)
  body.append('subject_token_type', TOKEN_TYPE.accessToken)
  if (inputs.actorToken !== null) {
    body.append('actor_token', inputs.actorToken)
    body.append('actor_token_type', TOKEN_TYPE.jwt)
  }
  for (const audience of request.audiences) body.append('audience', audience)
  for (const resource of request.resources) body.append('resource', resource)
  if (request.scope.trim() !== '') body.append('scope', request.scope)
  if (request.requestedTtl !== null) body.append('requested_lifetime', String(request.requestedTtl))
  const clientId = clientIdFor(scenario)
  if (clientId !== null) body.append('client_id', clientId)

  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  if (request.dpop) {
    const proof = await createDpopProof(inputs.dpopKey, {
      htm: 'POST',
      htu: inputs.tokenEndpoint,
      iat: inputs.nowSeconds,
      ...(inputs.nonce ? { nonce: inputs.nonce } : {}),
    })
    headers.set('dpop', proof)
  }
  return new Request(inputs.tokenEndpoint, { method: 'POST', headers, body: body.toString() })
}
