// A bounded memo in front of jose's EmbeddedJWK: one agent key is imported once, not for every proof.
import { EmbeddedJWK, type FlattenedJWSInput, type JWSHeaderParameters } from 'jose'

type ImportedKey = Awaited<ReturnType<typeof EmbeddedJWK>>

/** A handful of live DPoP keys is the norm; the bound keeps a flood of new keys from growing memory. */
const MAX_KEYS = 64
const imported = new Map<string, ImportedKey>()

/**
 * The key in a proof's `jwk` header, as jose's `EmbeddedJWK` imports it. A miss goes through
 * `EmbeddedJWK` and all its checks; a hit needs the same `alg` and the same JWK, member for member,
 * so it can only return what those checks already accepted.
 * @see RFC 9449 §4.3 (6)
 */
export async function embeddedKey(
  header: JWSHeaderParameters,
  token: FlattenedJWSInput,
): Promise<ImportedKey> {
  const id = `${String(header.alg)} ${JSON.stringify(header.jwk)}`
  const hit = imported.get(id)
  if (hit) return hit
  const key = await EmbeddedJWK(header, token)
  if (imported.size >= MAX_KEYS) imported.delete(imported.keys().next().value!)
  imported.set(id, key)
  return key
}
