// The IdP's denial line names who the refused request claimed to be, next to what it verified.
import { describe, expect, test } from 'vitest'
import type { AuditEvent } from '../audit/audit-event.ts'
import { formatAuditLine } from '../audit/format-audit-line.ts'
import { exchangeCase, sendExchange } from './exchange-fixture.ts'

const REVIEWER = 'spiffe://prod/agent/code-reviewer/v3'

async function denialLine(edit: Parameters<typeof exchangeCase>[0]) {
  const { audits } = await sendExchange(exchangeCase(edit))
  expect(audits).toHaveLength(1)
  return formatAuditLine(audits[0] as AuditEvent)
}

describe('IdP denial lines', () => {
  test('an actor token from an untrusted issuer: the user verified, the agent only claimed', async () => {
    const line = await denialLine((s) => void (s.actor.issuer = 'https://attacker.example'))
    expect(line).toContain(` principal=u_marwan claimed_actor=${REVIEWER} `)
    expect(line).not.toContain('acting_as=')
  })

  test('an expired subject token: both the user and the agent are claimed, neither verified', async () => {
    const line = await denialLine((s) => void (s.user.subjectTokenTtl = 10))
    expect(line).toMatch(/ claimed_principal=u_marwan /)
    expect(line).not.toMatch(/ principal=/)
  })
})
