// Public entry point for the page's signing keys: loaded after first paint (WebCrypto key generation, jose).

export { createKeyRing } from './keys/key-ring.ts'
