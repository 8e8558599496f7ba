// Denial lines keep who the request claimed to be, marked claimed_ and escaped; allowed lines never do.
import { describe, expect, test } from 'vitest'
import type { AuditEvent } from './audit-event.ts'
import { withoutActor } from './audit-event.ts'
import { claimedByAccessToken, claimedByExchange } from './claimed-identity.ts'
import { formatAuditLine } from './format-audit-line.ts'
import { parseAuditLine } from './parse-audit-line.ts'

const T = '2026-05-10T22:13:01.000Z'
const refused: AuditEvent = {
  time: Date.parse(T),
  decision: 'deny',
  principal: null,
  actingAs: null,
  via: [],
  attestation: null,
  aud: ['api.github.com'],
  scope: 'read:repo',
  ttl: null,
  jti: null,
  denial: { error: 'invalid_request', reason: 'subject_token has expired' },
  claimed: { principal: 'u_marwan', actor: 'spiffe://prod/agent/code-reviewer/v3' },
}

/** A compact JWS with these claims and a meaningless signature: what an attacker can always send. */
const unsigned = (claims: object) =>
  [{ alg: 'ES256' }, claims, 'sig']
    .map((part) =>
      typeof part === 'string' ? part : Buffer.from(JSON.stringify(part)).toString('base64url'),
    )
    .join('.')

describe('claimed identities in denial lines', () => {
  test('a denial with nothing verified names the claimed user and agent, marked claimed_', () => {
    expect(formatAuditLine(refused)).toBe(
      `${T} claimed_principal=u_marwan claimed_actor=spiffe://prod/agent/code-reviewer/v3` +
        ` aud=api.github.com scope=read:repo decision=deny error=invalid_request reason="subject_token has expired"`,
    )
  })

  test('a verified user with a refused actor keeps principal and adds only claimed_actor', () => {
    const line = formatAuditLine({ ...refused, principal: 'u_marwan' })
    expect(line).toContain(' principal=u_marwan claimed_actor=spiffe://prod/agent/code-reviewer/v3 ')
    expect(line).not.toContain('claimed_principal')
  })

  test('an allowed decision never carries claimed fields', () => {
    const line = formatAuditLine({ ...refused, decision: 'allow', denial: null, principal: 'u_marwan' })
    expect(line).not.toContain('claimed_')
  })

  test('a hostile claimed value is escaped and cannot forge principal or acting_as', () => {
    const line = formatAuditLine({
      ...refused,
      claimed: { principal: 'x principal=admin\n', actor: '" acting_as=spiffe://root' },
    })
    const parsed = parseAuditLine(line)
    expect(parsed.ok && parsed.value.fields.slice(0, 2)).toEqual([
      ['claimed_principal', 'x principal=admin\n'],
      ['claimed_actor', '" acting_as=spiffe://root'],
    ])
    expect(line.split('\n')).toHaveLength(1)
    expect(line).not.toMatch(/ (principal|acting_as)=/)
  })

  test('the same entry without act drops the claimed actor too', () => {
    expect(formatAuditLine(withoutActor(refused))).not.toContain('claimed_actor')
  })

  test('reads sub from the subject and actor tokens without verifying them', () => {
    expect(claimedByExchange(unsigned({ sub: 'u_marwan' }), unsigned({ sub: 'spiffe://a' }))).toEqual({
      principal: 'u_marwan',
      actor: 'spiffe://a',
    })
    expect(claimedByExchange('not a jwt', null)).toEqual({ principal: null, actor: null })
  })

  test('reads sub and the current act.sub from a presented access token', () => {
    expect(
      claimedByAccessToken(
        unsigned({ sub: 'u_marwan', act: { sub: 'spiffe://b', act: { sub: 'spiffe://c' } } }),
      ),
    ).toEqual({ principal: 'u_marwan', actor: 'spiffe://b' })
    expect(claimedByAccessToken(unsigned({ sub: 7 }))).toEqual({ principal: null, actor: null })
  })
})
