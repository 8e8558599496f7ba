// The attacker's moves at the resource server, as the attack gallery stages them.
import { base64url } from 'jose'
import type { SigningKey } from '../../protocol/keys/key-ring.ts'
import type { Attack } from '../scenario/scenario.ts'
import type { ResourceRequestInputs } from './build-resource-request.ts'

/** Re-encodes a token as unsigned (`alg: none`), keeping its claims: the oldest JWT forgery. */
export function unsignedCopy(token: string): string {
  const [, payload = ''] = token.split('.')
  return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }))}.${payload}.`
}

/**
 * How the resource request is built under an attack. `stolen-token` presents the token with the
 * thief's own key; the proof attacks sign for a different URL or method than the request's.
 * @see RFC 9449 §11 (security considerations), RFC 8725 §2.1
 */
export function attackedResourceInputs(
  attack: Attack,
  base: ResourceRequestInputs,
  thiefKey: SigningKey,
): ResourceRequestInputs {
  switch (attack) {
    case 'stolen-token':
      return { ...base, dpopKey: thiefKey, tokenType: 'DPoP' }
    case 'proof-for-other-url':
      return { ...base, proofFor: { htu: new URL('/user/keys', base.config.origin).href } }
    case 'proof-for-other-method':
      return { ...base, proofFor: { htm: base.call.method === 'GET' ? 'DELETE' : 'GET' } }
    case 'alg-none':
      return { ...base, accessToken: unsignedCopy(base.accessToken) }
    case 'replayed-proof':
    case 'none':
      return base
  }
}
