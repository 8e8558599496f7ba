import { describe, expect, test } from 'vitest'
import { visibleText } from './http-text.ts'

describe('visibleText shows control characters escaped, never as layout', () => {
  test('splits a value with a line feed into plain text and a visible \\n', () => {
    expect(visibleText('a_code_reviewer\nscope=admin:org')).toEqual([
      { text: 'a_code_reviewer', escaped: false },
      { text: '\\n', escaped: true },
      { text: 'scope=admin:org', escaped: false },
    ])
  })

  test.each([
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\0', '\\u0000'],
    ['\x1b', '\\u001B'],
    ['\x7f', '\\u007F'],
    ['\x85', '\\u0085'],
    ['\u2028', '\\u2028'],
    ['\u2029', '\\u2029'],
    ['\u202e', '\\u202E'],
    ['\u2066', '\\u2066'],
    ['\u200f', '\\u200F'],
    ['\ufeff', '\\uFEFF'],
  ])('escapes %j as %s', (char, shown) => {
    expect(visibleText(`x${char}y`)).toEqual([
      { text: 'x', escaped: false },
      { text: shown, escaped: true },
      { text: 'y', escaped: false },
    ])
  })

  test('keeps runs of control characters apart, one escape each', () => {
    expect(visibleText('\r\n')).toEqual([
      { text: '\\r', escaped: true },
      { text: '\\n', escaped: true },
    ])
  })

  test('leaves printable text, spaces and non-ASCII letters as they are', () => {
    expect(visibleText('read:repo write:issues é 漢 🙂')).toEqual([
      { text: 'read:repo write:issues é 漢 🙂', escaped: false },
    ])
    expect(visibleText('')).toEqual([])
  })

  test('shows a backslash that was sent as plain text, styled unlike an escape', () => {
    expect(visibleText('a\\nb')).toEqual([{ text: 'a\\nb', escaped: false }])
  })
})
