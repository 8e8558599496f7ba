// TEST ONLY: a software authenticator that makes real WebAuthn responses (WebCrypto Ed25519, CBOR from the
// library's own encoder), so the verifier is tested on genuine signatures. It builds; it never verifies.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'

const b64u = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>)
const utf8 = (text: string) => new TextEncoder().encode(text)
const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
// authenticatorData flags (W3C WebAuthn Level 3 §6.1)
const FLAG = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 }

export interface AuthenticatorBehaviour {
  rpId?: string
  origin?: string
  userVerified?: boolean
  userPresent?: boolean
  /** Synced passkey: backup eligible and backed up. */
  synced?: boolean
}

/** One credential in a software authenticator, with its own counter. */
export async function softwareAuthenticator(rpId: string, origin: string) {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const rawPublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey))
  const credentialId = crypto.getRandomValues(new Uint8Array(16))
  let counter = 0

  async function authData(b: AuthenticatorBehaviour, attested?: Uint8Array): Promise<Uint8Array> {
    const flags =
      (b.userPresent === false ? 0 : FLAG.up) |
      (b.userVerified === false ? 0 : FLAG.uv) |
      (b.synced ? FLAG.be | FLAG.bs : 0) |
      (attested ? FLAG.at : 0)
    const head = new Uint8Array(37)
    head.set(await sha256(utf8(b.rpId ?? rpId)), 0)
    head[32] = flags
    new DataView(head.buffer).setUint32(33, counter)
    return attested ? concat(head, attested) : head
  }

  const clientData = (type: string, challenge: string, b: AuthenticatorBehaviour) =>
    utf8(JSON.stringify({ type, challenge, origin: b.origin ?? origin, crossOrigin: false }))

  return {
    id: b64u(credentialId),
    /** Sets the counter; the next assertion reports it plus one. */
    setCounter(value: number) {
      counter = value
    },
    async register(challenge: string, b: AuthenticatorBehaviour = {}): Promise<RegistrationResponseJSON> {
      const attested = concat(
        new Uint8Array(16),
        u16(credentialId.length),
        credentialId,
        coseKey(rawPublicKey),
      )
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', await authData(b, attested)],
        ]) as never,
      )
      return {
        id: b64u(credentialId),
        rawId: b64u(credentialId),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(clientData('webauthn.create', challenge, b)),
          attestationObject: b64u(attestationObject),
          transports: ['internal'],
        },
      }
    },
    async assert(challenge: string, b: AuthenticatorBehaviour = {}): Promise<AuthenticationResponseJSON> {
      counter += 1
      const data = await authData(b)
      const client = clientData('webauthn.get', challenge, b)
      const signed = concat(data, await sha256(client))
      const signature = await crypto.subtle.sign(
        'Ed25519',
        keys.privateKey,
        signed as Uint8Array<ArrayBuffer>,
      )
      return {
        id: b64u(credentialId),
        rawId: b64u(credentialId),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(client),
          authenticatorData: b64u(data),
          signature: b64u(new Uint8Array(signature)),
        },
      }
    },
  }
}

/** The COSE_Key of an Ed25519 public key (kty OKP, alg EdDSA, crv Ed25519: RFC 9053 §2.2, §7.2), in the library's CBOR. */
function coseKey(rawPublicKey: Uint8Array): Uint8Array {
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 1],
      [3, -8],
      [-1, 6],
      [-2, rawPublicKey],
    ]) as never,
  )
}

const u16 = (value: number) => new Uint8Array([value >> 8, value & 0xff])

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
