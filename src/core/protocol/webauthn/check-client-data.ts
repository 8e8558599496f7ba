// The checks both ceremonies make on clientDataJSON: type, single-use challenge, origin.
import { decodeClientDataJSON } from '@simplewebauthn/server/helpers'
import { oauthError } from '../errors/oauth-error.ts'
import type { Decision, decisionRecorder } from '../trace/decision.ts'
import { specRef } from '../errors/spec-ref.ts'
import { specText } from '../errors/reasoned-error.ts'
import type { DefencesOff } from '../trace/defence-switch.ts'
import { skipDefence } from './skip-defence.ts'
import type { ChallengeBook } from './challenge-book.ts'
import type { RelyingParty } from './relying-party.ts'

const SPEC = (section: string) => specRef('W3C WebAuthn Level 3', section)

export interface CheckedClientData {
  challenge: string
  origin: string
}

/**
 * Reads clientDataJSON (with the library's decoder) and checks its type, its challenge (issued here and
 * not used before) and its origin, in the order of the relying party's steps.
 * @see W3C WebAuthn Level 3 §7.1 (registration), §7.2 (assertion), §13.4.3 (challenges)
 */
export function checkClientData(
  record: ReturnType<typeof decisionRecorder>,
  clientDataJSON: string,
  expectedType: 'webauthn.create' | 'webauthn.get',
  rp: RelyingParty,
  challenges: ChallengeBook,
  /** The defences switched off for this decision (the page's attack gallery); absent, all on. */
  off?: DefencesOff,
): { ok: true; value: CheckedClientData } | { ok: false; refusal: Decision<never> } {
  const section = expectedType === 'webauthn.get' ? '7.2' : '7.1'
  let data: ReturnType<typeof decodeClientDataJSON>
  try {
    data = decodeClientDataJSON(clientDataJSON)
  } catch {
    return {
      ok: false,
      refusal: record.refuse(
        'clientDataJSON is JSON',
        oauthError('webauthn.malformed', 'clientDataJSON is not JSON'),
      ),
    }
  }
  if (data.type !== expectedType)
    return {
      ok: false,
      refusal: record.refuse(
        `clientDataJSON "type" is ${expectedType}`,
        oauthError(
          'webauthn.type_mismatch',
          `clientDataJSON "type" is "${String(data.type)}", not "${expectedType}"`,
        ),
      ),
    }
  record.pass(`clientDataJSON "type" is ${expectedType}`, SPEC(section))

  const state = typeof data.challenge === 'string' ? challenges.consume(data.challenge) : 'unknown'
  const challengeCheck = 'the challenge was issued by this IdP and is unused'
  if (state === 'reused') {
    const error = oauthError(
      'webauthn.challenge_reused',
      'The signed "challenge" was already used: a replayed response',
      {
        explanation:
          'Each challenge is good for one ceremony. This response signs one that an earlier response already used, so it is a replay of a captured response, not a fresh sign-in.',
      },
    )
    const check = { label: challengeCheck, spec: specText(SPEC('13.4.3')) }
    if (!skipDefence(record, off, error.reason, check, error.description))
      return { ok: false, refusal: record.refuse(challengeCheck, error) }
  }
  if (state === 'unknown')
    return {
      ok: false,
      refusal: record.refuse(
        challengeCheck,
        oauthError('webauthn.challenge_unknown', 'The signed "challenge" was not issued by this IdP'),
      ),
    }
  if (state === 'fresh') record.pass(challengeCheck, SPEC('13.4.3'))

  const originCheck = `clientDataJSON "origin" is ${rp.origin}`
  if (data.origin !== rp.origin) {
    const error = oauthError(
      'webauthn.origin_mismatch',
      `clientDataJSON "origin" is "${String(data.origin)}", not "${rp.origin}"`,
      {
        explanation:
          'The browser writes the page’s origin into what the authenticator signs. A different origin means the ceremony ran on another site, for example a phishing page relaying it.',
      },
    )
    const check = { label: originCheck, spec: specText(SPEC(section)) }
    if (!skipDefence(record, off, error.reason, check, error.description))
      return { ok: false, refusal: record.refuse(originCheck, error) }
  } else record.pass(originCheck, SPEC(section))
  return { ok: true, value: { challenge: data.challenge, origin: data.origin } }
}
