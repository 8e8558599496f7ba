// HTTP Basic client authentication: reads `client_id:client_secret` and checks it against registered callers.
import { base64url } from 'jose'

/** A caller the server knows, with its shared secret. */
export interface ClientCredentials {
  clientId: string
  secret: string
}

export type BasicCredentials =
  { kind: 'none' } | { kind: 'malformed' } | { kind: 'basic'; clientId: string; secret: string }

/** RFC 6749 §2.3.1 form-encodes id and secret before Base64, so `+` is a space and `%XX` an octet. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '))
  } catch {
    return null
  }
}

/**
 * Reads `Authorization: Basic …`. `none` when there is no Authorization header or another scheme is used;
 * `malformed` when the Basic credentials can't be read.
 * @see RFC 6749 §2.3.1
 * @see RFC 7617 §2
 */
export function readBasicCredentials(request: Request): BasicCredentials {
  const header = request.headers.get('authorization')
  const match = header === null ? null : /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header)
  if (header === null || !/^Basic(?:[ ]|$)/i.test(header)) return { kind: 'none' }
  if (!match) return { kind: 'malformed' }
  let decoded: string
  try {
    const bytes = base64url.decode(match[1]!.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''))
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { kind: 'malformed' }
  }
  const colon = decoded.indexOf(':')
  if (colon === -1) return { kind: 'malformed' }
  const clientId = formDecode(decoded.slice(0, colon))
  const secret = formDecode(decoded.slice(colon + 1))
  if (clientId === null || secret === null || clientId === '') return { kind: 'malformed' }
  return { kind: 'basic', clientId, secret }
}

const sha256 = async (text: string) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))

/**
 * Whether `secret` is the registered secret, compared in time that depends on neither value: both are
 * hashed first, so even their lengths stay hidden.
 * @see RFC 6749 §2.3.1
 */
export async function secretMatches(secret: string, registered: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(secret), sha256(registered)])
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!
  return difference === 0
}

/**
 * The registered caller these credentials authenticate, or null.
 * @see RFC 6749 §2.3.1
 */
export async function authenticateBasic(
  credentials: BasicCredentials,
  callers: readonly ClientCredentials[],
): Promise<ClientCredentials | null> {
  if (credentials.kind !== 'basic') return null
  const caller = callers.find((candidate) => candidate.clientId === credentials.clientId)
  // Compare against something even for an unknown id, so timing doesn't reveal which ids exist.
  const ok = await secretMatches(credentials.secret, caller?.secret ?? '\u0000unknown')
  return caller && ok ? caller : null
}
