// The IdP's decision on a WebAuthn assertion: every relying-party check, then the library's signature check.
import type { AuthenticationResponseJSON, CredentialDeviceType } from '@simplewebauthn/server'
import { verifyAuthenticationResponse } from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import { oauthError } from '../errors/oauth-error.ts'
import { specRef } from '../errors/spec-ref.ts'
import { specText } from '../errors/reasoned-error.ts'
import type { Reason } from '../errors/reasons.ts'
import type { DefencesOff } from '../trace/defence-switch.ts'
import { skipDefence } from './skip-defence.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import type { ChallengeBook } from './challenge-book.ts'
import { checkAuthenticatorData } from './check-authenticator-data.ts'
import { checkClientData } from './check-client-data.ts'
import type { CredentialBook } from './credential-book.ts'
import type { RelyingParty } from './relying-party.ts'

/** What a verified assertion proves, and what the subject token is minted from. */
export interface VerifiedAssertion {
  credentialId: string
  /** The user the passkey was registered for (base64url user handle). */
  userHandle: string
  userPresent: boolean
  userVerified: boolean
  counter: number
  deviceType: CredentialDeviceType
  backedUp: boolean
  /** When the ceremony was verified, in seconds since the epoch: the token's `auth_time`. */
  authTime: number
}

export interface AssertionContext {
  rp: RelyingParty
  challenges: ChallengeBook
  credentials: CredentialBook
  /** Seconds since the epoch. */
  now: number
  /**
   * The defences switched off, by reason id: only the page's attack gallery sets it, from its own run
   * context. Absent (everywhere else), every check refuses.
   */
  defencesOff?: DefencesOff
}

const SPEC = specRef('W3C WebAuthn Level 3', '7.2')

/**
 * Decides an authentication ceremony. The relying-party checks run in the order of §7.2 and each refusal
 * carries its reason; the signature over authenticatorData ‖ SHA-256(clientDataJSON) is checked by
 * `@simplewebauthn/server`, never here. An accepted assertion moves the stored counter forward.
 * @see W3C WebAuthn Level 3 §7.2, §6.1.1 (signature counter)
 */
export async function decideAssertion(
  response: AuthenticationResponseJSON,
  ctx: AssertionContext,
): Promise<Decision<VerifiedAssertion>> {
  const record = decisionRecorder()
  const credential = ctx.credentials.get(response.id)
  if (!credential)
    return record.refuse(
      'the credential id is one this IdP registered',
      oauthError(
        'webauthn.unknown_credential',
        `No public key is registered for credential "${response.id}"`,
        {
          explanation:
            'The IdP keeps public keys in page memory only. After a reload it has none, and a signature it cannot check proves nothing.',
        },
      ),
    )
  record.pass('the credential id is one this IdP registered', SPEC)

  const client = checkClientData(
    record,
    response.response.clientDataJSON,
    'webauthn.get',
    ctx.rp,
    ctx.challenges,
    ctx.defencesOff,
  )
  if (!client.ok) return client.refusal
  let authData: Uint8Array
  try {
    authData = isoBase64URL.toBuffer(response.response.authenticatorData)
  } catch {
    return record.refuse(
      'authenticatorData is base64url',
      oauthError('webauthn.malformed', 'authenticatorData is not base64url'),
    )
  }
  const parsed = await checkAuthenticatorData(record, authData, ctx.rp, '7.2', ctx.defencesOff)
  if (!parsed.ok) return parsed.refusal
  const { counter, flags } = parsed.value

  // A counter that does not grow (when either side is non-zero) means two copies of the key signed.
  const counterCheck = 'the signature counter is above the one last seen'
  const counterSpec = specRef('W3C WebAuthn Level 3', '6.1.1')
  const regressed = (counter > 0 || credential.counter > 0) && counter <= credential.counter
  if (regressed) {
    const error = oauthError(
      'webauthn.counter_regressed',
      `Signature counter ${counter} is not above ${credential.counter}`,
      {
        explanation:
          'An authenticator counts its signatures. A count at or below the last one seen means another copy of the key signed in between: a cloned authenticator.',
      },
    )
    const check = { label: counterCheck, spec: specText(counterSpec) }
    if (!skipDefence(record, ctx.defencesOff, error.reason, check, error.description))
      return record.refuse(counterCheck, error)
  } else
    record.pass(
      counterCheck,
      counterSpec,
      counter === 0 && credential.counter === 0
        ? 'this authenticator keeps no counter (0)'
        : `${credential.counter} → ${counter}`,
    )

  const skipped = (reason: Reason) => ctx.defencesOff?.has(reason) === true
  let verified: boolean
  try {
    // The library checks origin, RP ID, UV and the counter again. Where a defence above was switched
    // off (and recorded as skipped), it is handed the options that make it accept what that check let
    // through: the origin the ceremony ran on, the RP ID of that page, no UV requirement, and a stored
    // count of 0 (so any count passes). It still checks the signature, always.
    const origin = client.value.origin
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: client.value.challenge,
      expectedOrigin: origin === ctx.rp.origin ? ctx.rp.origin : [ctx.rp.origin, origin],
      expectedRPID: skipped('webauthn.rp_id_mismatch') ? [ctx.rp.rpId, hostOf(origin)] : ctx.rp.rpId,
      credential: regressed ? { ...credential, counter: 0 } : credential,
      requireUserVerification: ctx.rp.requireUserVerification && !skipped('webauthn.user_not_verified'),
    })
    verified = result.verified
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : 'unreadable'
    return record.refuse('the assertion is well formed', oauthError('webauthn.malformed', message))
  }
  if (!verified)
    return record.refuse(
      'the signature over authenticatorData and the clientDataJSON hash verifies',
      oauthError(
        'webauthn.bad_signature',
        'The assertion signature does not verify against the registered public key',
      ),
    )
  record.pass(
    'the signature over authenticatorData and the clientDataJSON hash verifies',
    SPEC,
    'checked by @simplewebauthn/server',
  )
  ctx.credentials.setCounter(credential.id, counter)
  const { deviceType, backedUp } = credential
  return record.accept({
    credentialId: credential.id,
    userHandle: credential.userHandle,
    userPresent: flags.up,
    userVerified: flags.uv,
    counter,
    deviceType,
    backedUp: flags.bs ?? backedUp,
    authTime: ctx.now,
  })
}

/** The host of an origin: the RP ID a page there may scope a passkey to (W3C WebAuthn Level 3 §5.1.3). */
function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname
  } catch {
    return origin
  }
}
