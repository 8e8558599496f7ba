import { describe, expect, test } from 'vitest'
import { formatScope, hasScope, isScopeToken, parseScope, parseScopeParam } from './scope.ts'

describe('the scope value (RFC 6749 §3.3)', () => {
  test.each<[unknown, string[]]>([
    ['read:repo write:issues', ['read:repo', 'write:issues']],
    ['  read:repo   write:issues ', ['read:repo', 'write:issues']],
    ['', []],
    [undefined, []],
    [42, []],
    [['read:repo'], []],
  ])('parses %j into %j', (value, tokens) => {
    expect(parseScope(value)).toEqual(tokens)
  })

  test('a parameter not sent stays null, so a default can apply', () => {
    expect(parseScopeParam(null)).toBeNull()
    expect(parseScopeParam('read:repo')).toEqual(['read:repo'])
  })

  test('finds a token only as a whole token', () => {
    expect(hasScope('read:repo write:issues', 'write:issues')).toBe(true)
    expect(hasScope('read:repository', 'read:repo')).toBe(false)
    expect(hasScope(undefined, 'read:repo')).toBe(false)
  })

  test('formats tokens back into one value', () => {
    expect(formatScope(['read:repo', 'write:issues'])).toBe('read:repo write:issues')
  })

  test.each([
    ['read:repo', true],
    ['a!#[]~', true],
    ['say"hi', false],
    ['back\\slash', false],
    ['tab\there', false],
    ['é', false],
    ['', false],
  ])('%j is a scope-token: %s', (token, valid) => {
    expect(isScopeToken(token)).toBe(valid)
  })
})
