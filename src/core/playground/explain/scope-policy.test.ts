// Scope chips can say which granted scopes policy forbids here, matching what the IdP then answers.
import { refusalName } from '../../protocol/errors/refusal.ts'
import { refusalBy } from '../run-views.ts'
import { describe, expect, test } from 'vitest'
import { editedScenario, FIXED_NOW, testKeys } from '../edited-scenario.fixture.ts'
import { runScenario } from '../run-scenario.ts'
import { scopesForbiddenByPolicy } from './scope-policy.ts'

describe('scopes forbidden by policy', () => {
  test('names each granted scope policy refuses at the requested audience', () => {
    const forbidden = scopesForbiddenByPolicy(editedScenario())
    expect(forbidden.get('write:repo')).toBe('api.github.com')
    expect(forbidden.has('read:repo')).toBe(false)
    expect(forbidden.has('write:issues')).toBe(false)
  })

  test('what it marks forbidden is exactly what the IdP refuses with invalid_scope', async () => {
    const scenario = editedScenario()
    const keys = await testKeys()
    for (const scope of scenario.user.grantedScopes) {
      const run = await runScenario(
        editedScenario((s) => void (s.request.scope = scope)),
        { keys, clock: () => FIXED_NOW },
      )
      const error = refusalBy(run, 'idp')
      const refused = error !== null && refusalName(error) === 'invalid_scope'
      expect([scope, refused]).toEqual([scope, scopesForbiddenByPolicy(scenario).has(scope)])
    }
  })

  test('says nothing when the audience itself is outside policy', () => {
    expect(
      scopesForbiddenByPolicy(editedScenario((s) => void (s.request.audiences = ['evil.example.com']))),
    ).toEqual(new Map())
  })
})
