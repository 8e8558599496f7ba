// Hand-edited request text that names another path or method is refused by the IdP as plain HTTP, not OAuth.
import { describe, expect, test } from 'vitest'
import { isHttpError, refusalName } from '../../../protocol/errors/refusal.ts'
import { editedScenario, FIXED_NOW, testKeys } from '../../edited-scenario.fixture.ts'
import { runScenario } from '../../run-scenario.ts'

const run = async (raw: string) =>
  runScenario(
    editedScenario((s) => void (s.edits.rawTokenRequest = raw)),
    { keys: await testKeys(), clock: () => FIXED_NOW },
  )

describe('an edited token request the IdP answers with a plain HTTP error', () => {
  test.each([
    [
      'POST /nowhere HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=x',
      404,
      'http.not_found',
    ],
    ['GET /token HTTP/1.1\n\n', 405, 'http.method_not_allowed'],
  ])('%j is refused at the IdP step with %i', async (raw, status, reason) => {
    const result = await run(raw)
    expect(result.outcome.kind).toBe('refused')
    if (result.outcome.kind !== 'refused') return
    const { error } = result.outcome
    expect(error).toMatchObject({ status, reason })
    expect(isHttpError(error)).toBe(true)
    expect(refusalName(error)).toMatch(new RegExp(`^${status} `))
    expect(result.steps[result.outcome.step]?.checks.some((check) => !check.ok)).toBe(true)
  })
})
