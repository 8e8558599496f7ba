// Who the simulated IdP is as a WebAuthn relying party, and what it asks of an authenticator.

/**
 * The relying party a ceremony is checked against.
 * @see W3C WebAuthn Level 3 §5.1.3 (RP ID), §7.2
 */
export interface RelyingParty {
  /** The RP ID: the page's registrable host, for example "localhost" or "playground.example". */
  rpId: string
  /** Shown by the browser's passkey dialog. */
  rpName: string
  /** The origin the page is served from; clientDataJSON must name it exactly. */
  origin: string
  /** Policy: refuse an assertion without the UV flag (a PIN or a biometric at the authenticator). */
  requireUserVerification: boolean
}

/** The relying party for a page at `origin`: its host is the RP ID, and UV is required. */
export function relyingPartyFor(origin: string, rpName = 'Token Exchange Playground'): RelyingParty {
  return { rpId: new URL(origin).hostname, rpName, origin, requireUserVerification: true }
}
