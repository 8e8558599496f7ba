// The checks both ceremonies make on authenticatorData: RP ID hash, and the UP and UV flags.
import { isoUint8Array, parseAuthenticatorData, toHash } from '@simplewebauthn/server/helpers'
import { oauthError } from '../errors/oauth-error.ts'
import { specRef } from '../errors/spec-ref.ts'
import { specText } from '../errors/reasoned-error.ts'
import type { DefencesOff } from '../trace/defence-switch.ts'
import { skipDefence } from './skip-defence.ts'
import type { Decision, decisionRecorder } from '../trace/decision.ts'
import type { RelyingParty } from './relying-party.ts'

export type ParsedAuthenticatorData = ReturnType<typeof parseAuthenticatorData>

/**
 * Parses authenticatorData with the library's parser, then checks that it was made for this RP ID, that
 * the user was present (UP) and, when policy requires it, verified (UV).
 * @see W3C WebAuthn Level 3 §6.1 (flags), §7.1, §7.2
 */
export async function checkAuthenticatorData(
  record: ReturnType<typeof decisionRecorder>,
  bytes: Uint8Array,
  rp: RelyingParty,
  section: '7.1' | '7.2',
  /** The defences switched off for this decision (the page's attack gallery); absent, all on. */
  off?: DefencesOff,
): Promise<{ ok: true; value: ParsedAuthenticatorData } | { ok: false; refusal: Decision<never> }> {
  let data: ParsedAuthenticatorData
  try {
    data = parseAuthenticatorData(bytes as Uint8Array<ArrayBuffer>)
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : 'unreadable'
    return {
      ok: false,
      refusal: record.refuse(
        'authenticatorData is readable',
        oauthError('webauthn.malformed', `authenticatorData is not readable: ${message}`),
      ),
    }
  }
  const spec = specRef('W3C WebAuthn Level 3', section)
  const expected = await toHash(isoUint8Array.fromUTF8String(rp.rpId))
  const rpIdCheck = `authenticatorData "rpIdHash" is SHA-256("${rp.rpId}")`
  if (!isoUint8Array.areEqual(data.rpIdHash, expected)) {
    const error = oauthError(
      'webauthn.rp_id_mismatch',
      `authenticatorData "rpIdHash" is not the hash of RP ID "${rp.rpId}"`,
      {
        explanation:
          'The authenticator hashes the RP ID it scoped the passkey to into what it signs. Another hash means the passkey belongs to another site.',
      },
    )
    if (
      !skipDefence(record, off, error.reason, { label: rpIdCheck, spec: specText(spec) }, error.description)
    )
      return { ok: false, refusal: record.refuse(rpIdCheck, error) }
  } else record.pass(rpIdCheck, spec)

  if (!data.flags.up)
    return {
      ok: false,
      refusal: record.refuse(
        'the user-present (UP) flag is set',
        oauthError('webauthn.user_not_present', 'authenticatorData has the UP flag clear'),
      ),
    }
  record.pass('the user-present (UP) flag is set', spec)

  const uvCheck = 'the user-verified (UV) flag is set, as policy requires'
  if (rp.requireUserVerification && !data.flags.uv) {
    const error = oauthError(
      'webauthn.user_not_verified',
      'authenticatorData has the UV flag clear, and policy requires it',
      {
        explanation:
          'Policy asks the authenticator to verify the user (a PIN, a fingerprint, a face). UV clear means someone touched the key but nobody checked who.',
      },
    )
    if (!skipDefence(record, off, error.reason, { label: uvCheck, spec: specText(spec) }, error.description))
      return { ok: false, refusal: record.refuse(uvCheck, error) }
  } else
    record.pass(
      rp.requireUserVerification ? uvCheck : 'user verification is not required',
      spec,
      data.flags.uv ? 'UV' : 'no UV',
    )
  return { ok: true, value: data }
}
