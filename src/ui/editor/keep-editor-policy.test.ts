import { describe, expect, test } from 'vitest'
import { mayKeepEditorAhead } from './keep-editor-policy.ts'

describe('keeping the editor before it is used', () => {
  test.each([
    ['Wi-Fi, Save-Data off', { type: 'wifi', saveData: false }, true],
    ['Ethernet, no Save-Data hint', { type: 'ethernet' }, true],
    ['Wi-Fi with Save-Data on', { type: 'wifi', saveData: true }, false],
    ['a cellular connection', { type: 'cellular', saveData: false }, false],
    ['an unknown connection type (desktop Chromium)', { saveData: false }, false],
    ['no Network Information API (Firefox, Safari)', undefined, false],
  ])('%s → %s', (_, connection, expected) => {
    expect(mayKeepEditorAhead(connection)).toBe(expected)
  })
})
