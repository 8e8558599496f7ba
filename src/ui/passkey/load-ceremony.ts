// The ceremony and the WebAuthn libraries are a separate chunk, fetched on intent, never before first paint.
export const loadCeremony = () => import('./run-ceremony.ts')

/** True where the browser has WebAuthn at all; whether an authenticator exists is known only by trying. */
export const webAuthnAvailable = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function' && window.isSecureContext
