// What the audit lines of a Run can and cannot tell an investigator, said from what the server actually read.
import type { Run } from '../run.ts'
import { decisiveAudit } from '../run-views.ts'

export type AuditExplanationKind =
  /** The line names a verified actor: only a log without `act` loses it. */
  | 'agent-recorded'
  /** The user verified; the actor token was read and refused, so the agent is only claimed. */
  | 'actor-refused'
  /** A token was read and refused: no verified user; what it claimed is logged as claimed. */
  | 'token-refused'
  /** Refused before any token was verified (request shape, DPoP proof): nothing verified to name. */
  | 'refused-before-tokens'
  /** No actor token was sent: impersonation, the agent is invisible in the trail. */
  | 'no-actor-sent'
  /** A token that names no actor for another reason (a hand-edited request, a chain without `act`). */
  | 'no-actor'

export interface AuditExplanation {
  kind: AuditExplanationKind
  text: string
}

const TOKEN_PARAMS: Readonly<Record<string, string>> = {
  subject_token: 'subject token',
  actor_token: 'actor token',
}

/**
 * Explains the decisive audit entry of a Run: who it names as verified, who only as claimed, and why.
 * Follows what the server read (the verified fields, the claimed ones and the parameter the error is
 * about), not what the scenario meant to send. Null when nothing was logged.
 * @see RFC 8693 §4.1 (`act`: the only place a delegated token names the agent)
 */
export function explainAuditTrail(run: Run): AuditExplanation | null {
  const audit = decisiveAudit(run)
  if (!audit) return null
  const { event } = audit
  const writer = run.parties.find((party) => party.id === audit.by)
  const server = writer?.label ?? audit.by
  // The step that wrote the line decided it: its refusal is the error the line is about.
  const written = run.steps.findLast((step) => step.audit.length > 0)
  const error = written && !written.decision.accepted ? written.decision.error : null
  const claimed = event.decision === 'deny' ? event.claimed : undefined

  if (event.actingAs !== null)
    return {
      kind: 'agent-recorded',
      text: `The ${server} verified that ${event.actingAs} acted for ${event.principal ?? 'the user'}; a log without act would lose that.`,
    }
  if (event.principal !== null && claimed?.actor)
    return {
      kind: 'actor-refused',
      text: `The ${server} verified the user ${event.principal} but refused the actor token, which claims ${claimed.actor}${error ? ` (${error.description})` : ''}. The agent is logged only as claimed_actor, unverified, never as acting_as.`,
    }
  if (event.principal === null && event.decision === 'deny') {
    const readToken =
      writer?.kind === 'resource-server'
        ? claimed?.principal
          ? 'access token'
          : null
        : error?.param
          ? (TOKEN_PARAMS[error.param] ?? null)
          : null
    const who = [
      claimed?.principal ? `the user ${claimed.principal}` : null,
      claimed?.actor ? `the agent ${claimed.actor}` : null,
    ].filter((part) => part !== null)
    const claimedPart =
      who.length > 0 ? ` The request claimed ${who.join(' and ')}: logged as claimed, unverified.` : ''
    if (readToken)
      return {
        kind: 'token-refused',
        text: `The ${server} read the ${readToken} and refused it${error ? ` (${error.description})` : ''}, so no line names a verified user or agent.${claimedPart}`,
      }
    return {
      kind: 'refused-before-tokens',
      text: `The ${server} refused the request${error ? ` (${error.description})` : ''} before it verified any token, so no line names a verified user or agent.${claimedPart}`,
    }
  }
  if (!run.scenario.request.sendActorToken && run.scenario.edits.rawTokenRequest === null)
    return {
      kind: 'no-actor-sent',
      text: 'No actor token was sent (impersonation): the token has no act, so even the full log cannot tell the agent from the user. The agent is invisible in the audit trail.',
    }
  return {
    kind: 'no-actor',
    text: 'This token names no actor, so even the full log cannot tell the agent from the user.',
  }
}
