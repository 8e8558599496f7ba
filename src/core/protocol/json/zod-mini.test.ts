import { describe, expect, test } from 'vitest'
import { z } from './zod-mini.ts'

describe('zod-mini', () => {
  test('explains a refusal in English, as classic zod does, not just "Invalid input"', () => {
    const result = z.string().check(z.maxLength(3)).safeParse('abcd')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Too big: expected string to have <=3 characters')
  })

  test('never compiles parsers with `new Function`, which the page’s Content Security Policy forbids', () => {
    expect(z.config().jitless).toBe(true)
  })
})
