// Renders an AuditEvent as the resource server's one-line `key=value` audit entry, safe against log injection.

import type { AuditEvent } from './audit-event.ts'
import { FIELD_KEY, INVALID_TIME, TIME_TOKEN, writeValue } from './audit-line-syntax.ts'

/** The keys an audit line can carry, in the order they are written (`via` repeats, one per earlier actor). */
export const AUDIT_FIELD_KEYS = [
  'principal',
  'claimed_principal',
  'acting_as',
  'claimed_actor',
  'via',
  'attestation',
  'aud',
  'scope',
  'ttl',
  'jti',
  'decision',
  'error',
  'reason',
] as const

export type AuditFieldKey = (typeof AUDIT_FIELD_KEYS)[number]

/** One field of an audit line, before escaping: the key and the plain string value. */
export type AuditField = [key: AuditFieldKey, value: string]

/**
 * The event's time as the line's leading ISO-8601 UTC timestamp, or `invalid-time` when `ms` is NaN,
 * infinite or outside the ±8.64e15 ms range a `Date` can hold. Never throws.
 */
export function formatAuditTime(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? INVALID_TIME : date.toISOString()
}

/**
 * The fields an audit line shows, in order and unescaped, so the UI can highlight each one.
 * Null fields are left out: an impersonation event has no `acting_as` and no `attestation`, which is
 * exactly what makes the agent indistinguishable from the user. Earlier actors follow the current one as
 * `via` fields, most recent first. Allowed decisions carry no `decision` field. A denial adds
 * `claimed_principal` / `claimed_actor` when the request's unverified tokens named someone the verified
 * fields don't.
 * @see RFC 8693 §4.1 (nested `act` claims)
 */
export function formatAuditFields(event: AuditEvent): AuditField[] {
  const fields: AuditField[] = []
  const add = (key: AuditFieldKey, value: string | null): void => {
    if (value !== null) fields.push([key, value])
  }
  // A denial also names who the request *claimed* to be, marked `claimed_`: never verified, but the first
  // thing an investigator needs. Written only where it adds to the verified value beside it.
  const claimed = event.decision === 'deny' ? event.claimed : undefined
  const unlessSame = (value: string | null | undefined, verified: string | null) =>
    value === undefined || value === null || value === verified ? null : value
  add('principal', event.principal)
  add('claimed_principal', unlessSame(claimed?.principal, event.principal))
  add('acting_as', event.actingAs)
  add('claimed_actor', unlessSame(claimed?.actor, event.actingAs))
  for (const earlier of event.via) add('via', earlier)
  add('attestation', event.attestation)
  if (event.aud.length > 0) add('aud', event.aud.join(' '))
  add('scope', event.scope)
  add('ttl', event.ttl === null ? null : `${event.ttl}s`)
  add('jti', event.jti)
  if (event.decision === 'deny') {
    add('decision', 'deny')
    add('error', event.denial?.error ?? null)
    add('reason', event.denial?.reason ?? null)
  }
  return fields
}

/**
 * Joins a timestamp and fields into one audit line. Values are escaped by `writeValue`; a `time` that is
 * not a plain timestamp token becomes `invalid-time`, and a key outside `[a-z][a-z0-9_]*` has its other
 * characters replaced by `_`, so the result is always exactly one line whatever the input.
 */
export function formatAuditLineFromFields(
  time: string,
  fields: readonly (readonly [string, string])[],
): string {
  let line = TIME_TOKEN.test(time) ? time : INVALID_TIME
  for (const [key, value] of fields) {
    const safeKey = FIELD_KEY.test(key) ? key : 'x_' + key.replace(/[^a-z0-9_]/g, '_')
    line += ' ' + safeKey + '=' + writeValue(value)
  }
  return line
}

/**
 * The audit line the resource server writes for one decision, for example
 * `2026-05-10T22:13:01.000Z principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 …`.
 * Every value is attacker-influenced (it comes from a token), so the output is always exactly one line and
 * no value can forge a field: see `writeValue` for the escaping rule. Never throws.
 */
export function formatAuditLine(event: AuditEvent): string {
  return formatAuditLineFromFields(formatAuditTime(event.time), formatAuditFields(event))
}
