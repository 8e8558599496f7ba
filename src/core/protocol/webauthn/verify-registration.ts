// The IdP's decision on a WebAuthn registration: the relying-party checks, then the library's verification.
import type { RegistrationResponseJSON } from '@simplewebauthn/server'
import { verifyRegistrationResponse } from '@simplewebauthn/server'
import { decodeAttestationObject, isoBase64URL } from '@simplewebauthn/server/helpers'
import { oauthError } from '../errors/oauth-error.ts'
import { specRef } from '../errors/spec-ref.ts'
import { decisionRecorder, type Decision } from '../trace/decision.ts'
import type { ChallengeBook } from './challenge-book.ts'
import { checkAuthenticatorData } from './check-authenticator-data.ts'
import { checkClientData } from './check-client-data.ts'
import type { StoredCredential } from './credential-book.ts'
import type { RelyingParty } from './relying-party.ts'

export interface RegistrationContext {
  rp: RelyingParty
  challenges: ChallengeBook
  /** The user handle (base64url) the IdP asked the authenticator to create the passkey for. */
  userHandle: string
}

/**
 * Decides a registration ceremony and returns the credential to keep (in memory). Attestation is not
 * asked for ("none"): the playground trusts no authenticator maker, so the key's storage is unproven.
 * @see W3C WebAuthn Level 3 §7.1, §5.4.7 (attestation conveyance "none")
 */
export async function decideRegistration(
  response: RegistrationResponseJSON,
  ctx: RegistrationContext,
): Promise<Decision<StoredCredential>> {
  const record = decisionRecorder()
  const client = checkClientData(
    record,
    response.response.clientDataJSON,
    'webauthn.create',
    ctx.rp,
    ctx.challenges,
  )
  if (!client.ok) return client.refusal
  let authData: Uint8Array
  try {
    const attestation = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject))
    authData = attestation.get('authData')
  } catch {
    return record.refuse(
      'attestationObject is CBOR with authData',
      oauthError('webauthn.malformed', 'attestationObject is not readable'),
    )
  }
  const parsed = await checkAuthenticatorData(record, authData, ctx.rp, '7.1')
  if (!parsed.ok) return parsed.refusal

  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: client.value.challenge,
      expectedOrigin: ctx.rp.origin,
      expectedRPID: ctx.rp.rpId,
      requireUserVerification: ctx.rp.requireUserVerification,
    })
    if (!result.verified) throw new Error('The registration response does not verify')
    record.pass(
      'the new credential and its public key verify',
      specRef('W3C WebAuthn Level 3', '7.1'),
      'checked by @simplewebauthn/server',
    )
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo
    return record.accept({
      ...credential,
      userHandle: ctx.userHandle,
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    })
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : 'unreadable'
    return record.refuse(
      'the new credential and its public key verify',
      oauthError('webauthn.malformed', message),
    )
  }
}
