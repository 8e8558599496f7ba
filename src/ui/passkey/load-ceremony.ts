// The ceremony and the WebAuthn libraries are a separate chunk, fetched on intent, never before first paint.

/**
 * The Reflect metadata polyfill runs first, on its own: @simplewebauthn/server's certificate helpers use
 * @peculiar/x509, whose tsyringe container throws at load time without it. The package imports the
 * polyfill itself, but inside one bundled chunk nothing orders that import before x509's (with our
 * side-effect-free entry points the bundler ran x509 first, and every ceremony failed to load).
 */
export const loadCeremony = () => import('reflect-metadata').then(() => import('./run-ceremony.ts'))

/** True where the browser has WebAuthn at all; whether an authenticator exists is known only by trying. */
export const webAuthnAvailable = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function' && window.isSecureContext
