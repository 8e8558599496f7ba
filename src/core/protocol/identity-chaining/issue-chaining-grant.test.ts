import { decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, test } from 'vitest'
import { AGENT_ACT, AS_A, AS_B, chainingWorld, NOW } from './chaining-fixture.ts'
import { issueChainingGrant, type ChainingGrantRequest } from './issue-chaining-grant.ts'

const world = await chainingWorld()
const request = async (edit: Partial<ChainingGrantRequest> = {}): Promise<ChainingGrantRequest> => ({
  subjectToken: await world.delegatedToken(),
  audience: null,
  resource: AS_B,
  scope: ['read:repo'],
  actorToken: null,
  ...edit,
})

describe('domain A issues a JWT authorization grant for domain B', () => {
  test('names exactly B in aud, transcribes sub, keeps act and narrows scope', async () => {
    const decision = await issueChainingGrant(await request(), world.grantContext)
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    const claims = decodeJwt(decision.value.grant)
    expect(decodeProtectedHeader(decision.value.grant).typ).toBe('JWT')
    expect(claims).toMatchObject({
      iss: AS_A,
      aud: AS_B,
      sub: 'marwan@a.example',
      scope: 'read:repo',
      act: AGENT_ACT,
    })
    expect(claims.exp).toBe(NOW + 60)
    expect(claims.may_act).toBeUndefined()
    expect(decision.checks.every((check) => check.ok)).toBe(true)
  })

  test('accepts B named by its logical audience', async () => {
    const decision = await issueChainingGrant(
      await request({ resource: null, audience: 'domain-b' }),
      world.grantContext,
    )
    expect(decision.ok).toBe(true)
  })

  test.each([
    ['an unknown domain', { resource: 'https://as.c.example' }, 'invalid_target', 'chain.unknown_domain'],
    ['no audience or resource', { resource: null }, 'invalid_target', 'chain.unknown_domain'],
    [
      'a scope the subject token never held',
      { scope: ['admin:org'] },
      'invalid_scope',
      'chain.scope_widened',
    ],
    [
      'an actor_token, which would add an actor',
      { actorToken: 'x.y.z' },
      'invalid_request',
      'chain.act_spliced',
    ],
    [
      'a subject token that is not A’s',
      { subjectToken: 'not-a-jwt' },
      'invalid_request',
      'chain.subject_token_invalid',
    ],
  ])('refuses %s', async (_name, edit, code, reason) => {
    const decision = await issueChainingGrant(await request(edit), world.grantContext)
    expect(decision.ok).toBe(false)
    if (decision.ok) return
    expect(decision.error).toMatchObject({ code, reason })
    expect(decision.checks.at(-1)).toMatchObject({ ok: false, reason })
  })

  test.each([
    ['drops an actor', () => undefined],
    ['adds an actor', (act: unknown) => ({ sub: 'spiffe://a.example/rogue', iss: AS_A, act })],
  ])('refuses a transcription that %s', async (_name, transcribeAct) => {
    const decision = await issueChainingGrant(await request(), { ...world.grantContext, transcribeAct })
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_request',
      reason: 'chain.act_spliced',
    })
  })

  test('with the actor profile on, refuses an act without iss', async () => {
    const subjectToken = await world.delegatedToken({ act: { sub: 'spiffe://a.example/agent' } })
    const decision = await issueChainingGrant(await request({ subjectToken }), {
      ...world.grantContext,
      actorProfile: { maxDepth: 4 },
    })
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_request',
      reason: 'actor_profile.act_missing_iss',
    })
  })
})
