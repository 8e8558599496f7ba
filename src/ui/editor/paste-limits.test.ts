import { expect, test } from 'vitest'
import { MAX_SCENARIO_JSON_BYTES } from '../../core/playground/scenario/parse-scenario-json.ts'
import { SCENARIO_LIMITS } from '../../core/playground/scenario/scenario-schema.ts'
import { EDIT_PASTE_LIMIT, SCENARIO_JSON_PASTE_LIMIT } from './paste-limits.ts'

test('each editor takes in one paste exactly what a scenario can hold there', () => {
  expect(EDIT_PASTE_LIMIT).toBe(SCENARIO_LIMITS.edit)
  expect(SCENARIO_JSON_PASTE_LIMIT).toBe(MAX_SCENARIO_JSON_BYTES)
})
