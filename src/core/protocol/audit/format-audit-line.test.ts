// The seed line and each field rule of formatAuditLine, checked against exact expected lines.
import { describe, test, expect } from 'vitest'
import { withoutActor } from './audit-event.ts'
import type { AuditEvent } from './audit-event.ts'
import { formatAuditFields, formatAuditLine, formatAuditTime } from './format-audit-line.ts'

const seed: AuditEvent = {
  time: Date.parse('2026-05-10T22:13:01.000Z'),
  decision: 'allow',
  principal: 'u_marwan',
  actingAs: 'spiffe://prod/agent/code-reviewer/v3',
  via: [],
  attestation: 'github-oidc',
  aud: ['api.github.com'],
  scope: 'read:repo write:issues',
  ttl: 600,
  jti: '4b0c9a7e-2f1d-4e8a-9c3b-6d5e4f3a2b1c',
  denial: null,
}
const T = '2026-05-10T22:13:01.000Z'
const JTI = 'jti=4b0c9a7e-2f1d-4e8a-9c3b-6d5e4f3a2b1c'

describe('formatAuditLine', () => {
  test('reproduces the seed line exactly', () => {
    expect(formatAuditLine(seed)).toBe(
      `${T} principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 attestation=github-oidc` +
        ` aud=api.github.com scope="read:repo write:issues" ttl=600s ${JTI}`,
    )
  })

  test('leaves out acting_as and attestation for impersonation, so the agent cannot be told from the user', () => {
    expect(formatAuditLine(withoutActor(seed))).toBe(
      `${T} principal=u_marwan aud=api.github.com scope="read:repo write:issues" ttl=600s ${JTI}`,
    )
  })

  test('writes earlier actors of a 3-deep chain as via fields after the current one, most recent first', () => {
    const chain = {
      ...seed,
      actingAs: 'spiffe://prod/agent/c',
      via: ['spiffe://prod/agent/b', 'spiffe://prod/agent/a'],
    }
    expect(formatAuditLine(chain)).toBe(
      `${T} principal=u_marwan acting_as=spiffe://prod/agent/c via=spiffe://prod/agent/b via=spiffe://prod/agent/a` +
        ` attestation=github-oidc aud=api.github.com scope="read:repo write:issues" ttl=600s ${JTI}`,
    )
  })

  test('ends a denial with decision=deny, the error code and the quoted reason', () => {
    const denied: AuditEvent = {
      ...seed,
      decision: 'deny',
      denial: { error: 'insufficient_scope', reason: 'token lacks "write:issues"' },
    }
    expect(formatAuditLine(denied)).toBe(
      `${T} principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 attestation=github-oidc` +
        ` aud=api.github.com scope="read:repo write:issues" ttl=600s ${JTI}` +
        ` decision=deny error=insufficient_scope reason="token lacks \\"write:issues\\""`,
    )
  })

  test('joins multiple audiences with a single space inside one quoted value', () => {
    const line = formatAuditLine({ ...seed, aud: ['api.github.com', 'https://uploads.github.com'] })
    expect(line).toContain(' aud="api.github.com https://uploads.github.com" ')
  })

  test('leaves out empty audiences and null fields, and writes a denial without details as decision=deny', () => {
    const bare: AuditEvent = {
      ...withoutActor(seed),
      aud: [],
      scope: null,
      ttl: null,
      jti: null,
      decision: 'deny',
    }
    expect(formatAuditLine(bare)).toBe(`${T} principal=u_marwan decision=deny`)
  })

  test.each([NaN, Infinity, -Infinity, 8.64e15 + 1, -8.64e15 - 1])(
    'renders time %s as invalid-time',
    (time) => {
      expect(formatAuditLine({ ...seed, time }).startsWith('invalid-time principal=u_marwan ')).toBe(true)
    },
  )

  test('renders the extremes a Date can hold as signed ISO years', () => {
    expect(formatAuditTime(8.64e15)).toBe('+275760-09-13T00:00:00.000Z')
    expect(formatAuditTime(-8.64e15)).toBe('-271821-04-20T00:00:00.000Z')
  })
})

describe('formatAuditFields', () => {
  test('lists the seed fields in line order, unescaped', () => {
    expect(formatAuditFields(seed)).toEqual([
      ['principal', 'u_marwan'],
      ['acting_as', 'spiffe://prod/agent/code-reviewer/v3'],
      ['attestation', 'github-oidc'],
      ['aud', 'api.github.com'],
      ['scope', 'read:repo write:issues'],
      ['ttl', '600s'],
      ['jti', '4b0c9a7e-2f1d-4e8a-9c3b-6d5e4f3a2b1c'],
    ])
  })
})
