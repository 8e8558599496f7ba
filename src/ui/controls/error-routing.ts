// Which control an exchange refusal belongs to, so the error shows in that part of the form.
import type { OAuthError } from '../../core/errors/oauth-error.ts'

export type ControlName =
  'user' | 'actor' | 'actorToken' | 'audience' | 'scope' | 'tokenType' | 'ttl' | 'dpop'

/** Best match from the error code first, then from the parameter or claim its description quotes. */
export function controlForError(error: OAuthError | null): ControlName | null {
  if (!error) return null
  if (error.code === 'invalid_scope') return 'scope'
  if (error.code === 'invalid_target') return 'audience'
  if (error.code === 'invalid_dpop_proof' || error.code === 'use_dpop_nonce') return 'dpop'
  const text = error.description
  if (/requested_token_type/.test(text)) return 'tokenType'
  if (/requested_lifetime/.test(text)) return 'ttl'
  if (/"audience"|"resource"/.test(text)) return 'audience'
  if (/\bDPoP\b|"cnf"|jkt/.test(text)) return 'dpop'
  if (/actor_token|may_act|"act"|actor|client/i.test(text)) return 'actor'
  if (/subject_token|user|"sub"/i.test(text)) return 'user'
  return null
}
