// Re-encodes a JWT with edited claims but its original header and signature: a forgery, as an attacker makes one.
import { base64url } from 'jose'

/**
 * Replaces the payload part with the edited claims text, byte for byte, keeping the old signature.
 * The result can only verify if the signature was never checked: that is what it demonstrates.
 * @see RFC 7515 §5.2
 */
export function tamperToken(token: string, claimsText: string): string {
  const [header = '', , signature = ''] = token.split('.')
  return `${header}.${base64url.encode(claimsText)}.${signature}`
}
