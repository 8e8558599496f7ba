import { describe, expect, test } from 'vitest'
import { changeLines } from './change-lines.ts'

describe('a preset change as lines', () => {
  test('walks objects to their leaves and keeps arrays whole', () => {
    expect(
      changeLines({ request: { scope: 'read:repo delete:repo', audiences: ['b'] }, attack: 'x' }),
    ).toEqual(['request.scope = "read:repo delete:repo"', 'request.audiences = ["b"]', 'attack = "x"'])
  })

  test('shortens long values', () => {
    const [line] = changeLines({ edits: { tamperedClaims: 'y'.repeat(200) } })
    expect(line!.length).toBeLessThan(90)
    expect(line!.endsWith('…')).toBe(true)
  })
})
