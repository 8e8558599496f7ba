// The audit explanation follows what the server read: claimed and refused is not "names no actor".
import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys, type ScenarioEdit } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { explainAuditTrail } from './explain-audit-trail.ts'

const REVIEWER = 'spiffe://prod/agent/code-reviewer/v3'
const explain = async (edit?: ScenarioEdit) =>
  explainAuditTrail(
    await runScenario(editedScenario(edit), { keys: await testKeys(), clock: () => FIXED_NOW }),
  )

describe('explaining the audit trail', () => {
  test('an actor token from an untrusted issuer: the actor was claimed and refused, not absent', async () => {
    const explanation = await explain((s) => void (s.actor.issuer = 'https://attacker.example'))
    expect(explanation?.kind).toBe('actor-refused')
    expect(explanation?.text).toContain(`refused the actor token, which claims ${REVIEWER}`)
    expect(explanation?.text).not.toMatch(/names no actor/)
  })

  test('an expired subject token: the IdP read it and refused it, naming the claimed user', async () => {
    const explanation = await explain((s) => void (s.user.subjectTokenTtl = 10))
    expect(explanation?.kind).toBe('token-refused')
    expect(explanation?.text).toContain(
      'The IdP read the subject token and refused it (subject_token has expired)',
    )
    expect(explanation?.text).toContain('claimed the user u_marwan')
    expect(explanation?.text).not.toMatch(/before any token was read/)
  })

  test('a refused DPoP proof comes before any token is verified', async () => {
    const explanation = await explain((s) => void ((s.request.dpop = false), (s.policy.requireDpop = true)))
    expect(explanation?.kind).toBe('refused-before-tokens')
    expect(explanation?.text).toContain('before it verified any token')
  })

  test('impersonation says the agent is invisible in the audit trail', async () => {
    const explanation = await explain((s) => void (s.request.sendActorToken = false))
    expect(explanation?.kind).toBe('no-actor-sent')
    expect(explanation?.text).toContain('invisible in the audit trail')
  })

  test('the seed records the agent as a verified actor', async () => {
    expect((await explain())?.kind).toBe('agent-recorded')
  })
})
