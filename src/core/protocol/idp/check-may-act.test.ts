import { describe, expect, test } from 'vitest'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { checkMayAct } from './check-may-act.ts'

const AGENT = 'spiffe://prod/agent/code-reviewer/v3'
const SPIRE = 'https://spire.lab.marwandiallo.com'

const check = (mayAct: unknown, actor = { sub: AGENT, iss: SPIRE as string | null }) => {
  const checks: Check[] = []
  const result = checkMayAct(mayAct, actor, createCheckLog('idp', checks))
  return { result, checks }
}

describe('checkMayAct compares may_act with the actor (RFC 8693 §4.4)', () => {
  test('accepts an actor whose sub and iss both match', () => {
    const { result, checks } = check({ sub: AGENT, iss: SPIRE })
    expect(result.ok).toBe(true)
    expect(checks.at(-1)).toMatchObject({ ok: true, detail: `may_act.sub ${AGENT}, may_act.iss ${SPIRE}` })
  })

  test('accepts an actor whose sub matches when may_act names no iss', () => {
    expect(check({ sub: AGENT }).result.ok).toBe(true)
  })

  test('refuses an actor with the right sub from another issuer, and says which issuer was expected', () => {
    const { result, checks } = check({ sub: AGENT, iss: 'https://other-spire.example' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({
      code: 'invalid_request',
      status: 400,
      reason: 'exchange.may_act_mismatch',
      description: `may_act in subject_token does not name ${AGENT} of ${SPIRE}`,
    })
    expect(checks.at(-1)).toMatchObject({ ok: false, detail: expect.stringContaining('other-spire.example') })
  })

  test('refuses an actor whose sub differs', () => {
    const { result } = check({ sub: 'spiffe://prod/agent/other/v1', iss: SPIRE })
    expect(result.ok || result.error).toMatchObject({
      code: 'invalid_request',
      reason: 'exchange.may_act_mismatch',
      description: `may_act in subject_token does not name ${AGENT}`,
    })
  })
})
