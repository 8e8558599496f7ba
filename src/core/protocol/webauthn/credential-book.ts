// The credentials the IdP knows: public key, signature counter and user, in page memory only.
import type { CredentialDeviceType, WebAuthnCredential } from '@simplewebauthn/server'

/** What the IdP keeps about one registered passkey. Never persisted: a reload forgets it. */
export interface StoredCredential extends WebAuthnCredential {
  /** The user handle (base64url) the passkey was created for: the user it signs in. */
  userHandle: string
  deviceType: CredentialDeviceType
  backedUp: boolean
}

export interface CredentialBook {
  get(id: string): StoredCredential | undefined
  put(credential: StoredCredential): void
  /** Records the counter an accepted assertion reported (W3C WebAuthn Level 3 §6.1.1). */
  setCounter(id: string, counter: number): void
  size(): number
}

export function createCredentialBook(): CredentialBook {
  const byId = new Map<string, StoredCredential>()
  return {
    get: (id) => byId.get(id),
    put: (credential) => void byId.set(credential.id, credential),
    setCounter(id, counter) {
      const credential = byId.get(id)
      if (credential) byId.set(id, { ...credential, counter })
    },
    size: () => byId.size,
  }
}
