// A ceremony that never produced a response (cancelled, timed out, refused by the browser) as a refusal.
import { oauthError } from '../errors/oauth-error.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'

/**
 * The browser rejects `create()`/`get()` with a DOMException. `NotAllowedError` covers a cancel, a
 * timeout and "no passkey here" alike, on purpose, so a page cannot tell them apart.
 * @see W3C WebAuthn Level 3 §5.1.3, §5.1.4, §14.5.2 (privacy of the "not allowed" error)
 */
export function ceremonyFailed(errorName: string, message: string): Decision<never> {
  const record = decisionRecorder()
  return record.refuse(
    'the person completed the passkey ceremony',
    oauthError('webauthn.cancelled', `The passkey ceremony ended without a response (${errorName})`, {
      explanation: `The browser answered ${errorName}: ${message}. Nothing was signed, so there is nothing to verify.`,
    }),
  )
}
