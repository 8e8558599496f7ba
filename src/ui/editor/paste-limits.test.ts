import { expect, test } from 'vitest'
import { MAX_SCENARIO_JSON_BYTES, SCENARIO_LIMITS } from '../../core/playground/untrusted-input.ts'
import { EDIT_PASTE_LIMIT, SCENARIO_JSON_PASTE_LIMIT } from './paste-limits.ts'

test('each editor takes in one paste exactly what a scenario can hold there', () => {
  expect(EDIT_PASTE_LIMIT).toBe(SCENARIO_LIMITS.edit)
  expect(SCENARIO_JSON_PASTE_LIMIT).toBe(MAX_SCENARIO_JSON_BYTES)
})
