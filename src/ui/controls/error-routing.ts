// Which control an exchange refusal belongs to, so the error shows in that part of the form.
import type { Refusal } from '../../core/protocol/index.ts'

export type ControlName =
  'user' | 'actor' | 'actorToken' | 'audience' | 'scope' | 'tokenType' | 'ttl' | 'dpop'

/** The request parameter (or header) the core says an error is about, and the control that sets it. */
const CONTROL_FOR_PARAM: Readonly<Record<string, ControlName>> = {
  subject_token: 'user',
  subject_token_type: 'user',
  actor_token: 'actor',
  actor_token_type: 'actor',
  client_id: 'actor',
  audience: 'audience',
  resource: 'audience',
  scope: 'scope',
  requested_token_type: 'tokenType',
  requested_lifetime: 'ttl',
  DPoP: 'dpop',
}

/**
 * The control an error belongs to, from the parameter the core names; null shows it only in the panes.
 * While a hand-edited raw request is in force, no control set what was sent, so none owns the error:
 * it belongs to the raw request editor.
 */
export function controlForError(
  error: Refusal | null,
  { rawRequest = false }: { rawRequest?: boolean } = {},
): ControlName | null {
  if (rawRequest) return null
  return error?.param ? (CONTROL_FOR_PARAM[error.param] ?? null) : null
}
