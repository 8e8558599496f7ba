// Whether a Run, or one of its audit lines, comes from a server with a defence switched off.
import { acceptedByVulnerableIdp, type Run } from '../../core/playground/index.ts'

/**
 * True when the step that wrote this audit line ran against a server with a defence off. The line
 * itself stays in the protocol's format: a vulnerable server logs what it always logs, which is the
 * point, so the warning is the page's, next to the line, never inside it.
 */
export const writtenByVulnerableServer = (run: Run, line: string): boolean =>
  run.steps.some((step) => step.vulnerable && step.audit.some((entry) => entry.line === line))

/** A run a server accepted only because a defence was switched off (the attack gallery's switches). */
export const acceptedByVulnerableServer = (run: Run): boolean =>
  run.outcome.kind === 'accepted' && run.steps.some((step) => step.vulnerable)

/** The defences this run went without, by reason id, as the page names them. */
export const defencesOffText = (run: Run): string =>
  [
    ...run.scenario.defencesOff,
    // The passkey cards' switches are page state, not scenario: named when the sign-in went without them.
    ...(acceptedByVulnerableIdp(run.signIn) ? (run.signIn?.defencesOff ?? []) : []),
  ].join(', ')
