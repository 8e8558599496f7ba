import { describe, expect, test } from 'vitest'
import { actorProfileRefusal } from './actor-profile-rules.ts'
import { checkActorProfile, firstProfileFailure } from './check-actor-profile.ts'

const agent = { sub: 'spiffe://a.example/agent', iss: 'https://spire.a.example', sub_profile: 'ai_agent' }
const tool = {
  sub: 'https://tools.example/booking',
  iss: 'https://as.b.example',
  sub_profile: 'service',
  act: agent,
}
const policy = { maxDepth: 2 }

describe('actor profile checks', () => {
  test('passes every rule for a profiled two-actor chain bound by cnf', () => {
    const checks = checkActorProfile({ sub: 'alice', act: tool, cnf: { jkt: 'abc' } }, policy)
    expect(checks.map((c) => [c.rule, c.ok])).toEqual([
      ['act_iss', true],
      ['sub_profile', true],
      ['chain_depth', true],
      ['may_act_not_copied', true],
      ['cnf_binds', true],
    ])
  })

  test('passes a token without act: it does not represent delegation', () => {
    expect(firstProfileFailure(checkActorProfile({ sub: 'alice' }, policy))).toBeNull()
  })

  test.each([
    [
      'an act without iss',
      { act: { sub: 'x', sub_profile: 'ai_agent' } },
      'act_iss',
      'actor_profile.act_missing_iss',
    ],
    [
      'an inner act without iss',
      { act: { ...tool, act: { sub: 'y', sub_profile: 'user' } } },
      'act_iss',
      'actor_profile.act_missing_iss',
    ],
    [
      'a missing sub_profile',
      { act: { sub: 'x', iss: 'i' } },
      'sub_profile',
      'actor_profile.sub_profile_invalid',
    ],
    [
      'an unknown sub_profile',
      { act: { ...agent, sub_profile: 'robot' } },
      'sub_profile',
      'actor_profile.sub_profile_invalid',
    ],
    [
      'a chain deeper than policy',
      { act: { ...agent, act: { ...agent, act: agent } } },
      'chain_depth',
      'actor_profile.chain_too_deep',
    ],
    [
      'a copied may_act',
      { act: agent, may_act: { sub: agent.sub } },
      'may_act_not_copied',
      'actor_profile.may_act_copied',
    ],
    [
      'a key binding inside act',
      { act: { ...agent, cnf: { jkt: 'k' } } },
      'cnf_binds',
      'actor_profile.foreign_binding',
    ],
    [
      'a top-level binding outside cnf',
      { act: agent, jkt: 'k' },
      'cnf_binds',
      'actor_profile.foreign_binding',
    ],
  ])('flags %s', (_name, claims, rule, reason) => {
    const failed = firstProfileFailure(checkActorProfile({ sub: 'alice', ...claims }, policy))
    expect(failed).toMatchObject({ rule, reason, ok: false })
    expect(actorProfileRefusal(failed!)).toMatchObject({ code: 'invalid_request', reason })
  })

  test('accepts a space-separated list of known profiles', () => {
    const checks = checkActorProfile({ act: { ...agent, sub_profile: 'service ai_agent' } }, policy)
    expect(checks.find((c) => c.rule === 'sub_profile')?.ok).toBe(true)
  })
})
