// The agent's call to the resource server with its delegated token and a fresh DPoP proof.
import { createDpopProof } from '../../protocol/dpop/create-proof.ts'
import { accessTokenHash } from '../../protocol/dpop/thumbprint.ts'
import type { SigningKey } from '../../protocol/keys/key-ring.ts'
import type { ResourceServerConfig } from '../../protocol/resource-server/resource-server-config.ts'
import type { ResourceCall } from '../scenario/scenario.ts'

export interface ResourceRequestInputs {
  config: ResourceServerConfig
  call: ResourceCall
  accessToken: string
  /** `token_type` from the token response: `DPoP` or `Bearer`. */
  tokenType: string
  /** The key to prove possession with; null sends the token as a bearer token. */
  dpopKey: SigningKey | null
  nowSeconds: number
  /** Sign the proof for a different method or URL than the request's (an attack the server must catch). */
  proofFor?: { htm?: string; htu?: string }
}

/**
 * Builds the protected-resource request: `Authorization: DPoP <token>` with a proof whose `ath`
 * is the token's hash, or a plain bearer request.
 * @see RFC 9449 §7.1, RFC 6750 §2.1
 */
export async function buildResourceRequest(
  inputs: ResourceRequestInputs,
): Promise<{ request: Request; proof: string | null }> {
  const url = new URL(inputs.call.path, inputs.config.origin).href
  const headers = new Headers({ accept: 'application/json' })
  let proof: string | null = null
  if (inputs.dpopKey && inputs.tokenType.toLowerCase() === 'dpop') {
    proof = await createDpopProof(inputs.dpopKey, {
      htm: inputs.proofFor?.htm ?? inputs.call.method,
      htu: inputs.proofFor?.htu ?? url,
      iat: inputs.nowSeconds,
      ath: await accessTokenHash(inputs.accessToken),
    })
    headers.set('authorization', `DPoP ${inputs.accessToken}`)
    headers.set('dpop', proof)
  } else {
    headers.set('authorization', `Bearer ${inputs.accessToken}`)
  }
  const body =
    inputs.call.method === 'POST' ? JSON.stringify({ title: 'Review: tighten token lifetimes' }) : undefined
  if (body) headers.set('content-type', 'application/json')
  return {
    request: new Request(url, { method: inputs.call.method, headers, ...(body ? { body } : {}) }),
    proof,
  }
}
