// Refusals go to the control that set the parameter, unless the raw request, not a control, set it.
import { describe, expect, test } from 'vitest'
import { oauthError } from '../../core/protocol/index.ts'
import { controlForError } from './error-routing.ts'

const scopeError = oauthError(
  'exchange.scope_not_allowed',
  'Scope "admin" is not allowed for audience api.github.com',
  {
    param: 'scope',
  },
)

describe('routing refusals to controls', () => {
  test('a scope refusal belongs to the Scope field while the controls build the request', () => {
    expect(controlForError(scopeError)).toBe('scope')
  })

  test('while a hand-edited raw request is in force, no control owns the refusal', () => {
    expect(controlForError(scopeError, { rawRequest: true })).toBeNull()
  })
})
