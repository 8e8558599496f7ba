// The sandbox's signing keys in a private JWKS file, so tokens outlive a restart and several instances agree.
import { constants } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { z } from 'zod'
import {
  createKeyRing,
  SIGNING_ALG,
  type KeyRing,
  type SigningKey,
} from '../../src/core/protocol/keys/key-ring.ts'

/** The keys a file holds: the IdP's and the test workload issuer's. The playground's other keys stay fresh. */
export const KEY_ROLES = ['idp', 'workload'] as const
type Role = (typeof KEY_ROLES)[number]

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url')
const privateJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64u,
  y: b64u,
  d: b64u,
  /** Which key this is: a private member (RFC 7517 §4 allows them), since `kid` is the thumbprint. */
  role: z.enum(KEY_ROLES),
})
const keyFile = z.object({ keys: z.array(privateJwk).min(1).max(8) })

export type KeyFileResult = { ok: true; keys: KeyRing; warnings: string[] } | { ok: false; error: string }

/** Imports a private JWK as a non-extractable CryptoKey: the file is the only place it is readable. */
async function importSigningKey(jwk: z.infer<typeof privateJwk>): Promise<SigningKey> {
  const { kty, crv, x, y, d } = jwk
  const privateKey = (await importJWK({ kty, crv, x, y, d }, SIGNING_ALG, {
    extractable: false,
  })) as CryptoKey
  const kid = await calculateJwkThumbprint({ kty, crv, x, y })
  return {
    kid,
    alg: SIGNING_ALG,
    privateKey,
    publicJwk: { kty, crv, x, y, kid, alg: SIGNING_ALG, use: 'sig' },
  }
}

/**
 * Reads `SANDBOX_KEYS`: a private JWKS with one ES256 key per role. Warns (does not refuse) when the file
 * can be read by its group or by everyone, since a test key is still a key.
 */
export async function readKeyFile(path: string): Promise<KeyFileResult> {
  let text: string
  let mode: number
  try {
    mode = (await stat(path)).mode
    text = await readFile(path, 'utf8')
  } catch (error) {
    return {
      ok: false,
      error: `cannot read the keys file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    }
  }
  let parsed: z.infer<typeof keyFile>
  try {
    const checked = keyFile.safeParse(JSON.parse(text))
    if (!checked.success) {
      const first = checked.error.issues[0]!
      return {
        ok: false,
        error: `the keys file ${path} is not a sandbox private JWKS: keys${first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${first.message}`,
      }
    }
    parsed = checked.data
  } catch (error) {
    return { ok: false, error: `the keys file ${path} is not JSON: ${(error as Error).message}` }
  }
  const fresh = await createKeyRing()
  const ring: KeyRing = { ...fresh }
  for (const role of KEY_ROLES) {
    const jwk = parsed.keys.find((key) => key.role === role)
    if (!jwk) return { ok: false, error: `the keys file ${path} has no key with "role": "${role}"` }
    try {
      ring[role as Role] = await importSigningKey(jwk)
    } catch (error) {
      return {
        ok: false,
        error: `the keys file ${path}: the "${role}" key does not import: ${(error as Error).message}`,
      }
    }
  }
  const warnings =
    (mode & 0o077) !== 0
      ? [
          `the keys file ${path} is readable by its group or others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
        ]
      : []
  return { ok: true, keys: ring, warnings }
}

/** A new private JWKS, as `--generate-keys` writes it. The keys are made extractable only to be written. */
export async function generateKeyFileJson(): Promise<string> {
  const keys: JWK[] = []
  for (const role of KEY_ROLES) {
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true })
    const { kty, crv, x, y, d } = await exportJWK(privateKey)
    keys.push({
      kty,
      crv,
      x,
      y,
      d,
      kid: await calculateJwkThumbprint({ kty, crv, x, y } as JWK),
      alg: SIGNING_ALG,
      use: 'sig',
      role,
    } as JWK)
  }
  return `${JSON.stringify({ keys }, null, 2)}\n`
}

/** Writes a new key file with mode 0600; refuses to overwrite an existing file, which may hold keys in use. */
export async function writeKeyFile(path: string): Promise<void> {
  const json = await generateKeyFileJson()
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600)
  try {
    await handle.writeFile(json)
  } finally {
    await handle.close()
  }
}
