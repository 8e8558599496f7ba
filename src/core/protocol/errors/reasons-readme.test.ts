import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { oauthError } from './oauth-error.ts'
import { REASONS, type Reason } from './reasons.ts'

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')
const section = readme.split('## Reason codes')[1]?.split('\n## ')[0] ?? ''
const listed = [...section.matchAll(/^\| `([a-z_]+\.[a-z_]+)` +\|/gm)].map((match) => match[1])

describe('the reason table', () => {
  test('the README lists every reason id of REASONS, once, and no other', () => {
    expect(listed.length).toBeGreaterThan(0)
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual(Object.keys(REASONS).sort())
  })

  test('every id is namespaced lower_snake_case', () => {
    for (const id of Object.keys(REASONS)) expect(id).toMatch(/^[a-z_]+\.[a-z_]+$/)
  })

  test('an error built for a reason takes its code, status and spec from the table', () => {
    expect(oauthError('dpop.htu_mismatch', 'DPoP proof "htu" does not match the request URL')).toEqual({
      code: 'invalid_dpop_proof',
      status: 400,
      reason: 'dpop.htu_mismatch',
      spec: { doc: 'RFC 9449', section: '4.3', item: 9 },
      description: 'DPoP proof "htu" does not match the request URL',
      explanation: 'DPoP proof "htu" does not match the request URL',
    })
  })

  test('a reason sent with two codes accepts the second, and refuses one it is never sent with', () => {
    expect(oauthError('token.expired', 'expired', { code: 'invalid_request', status: 400 })).toMatchObject({
      code: 'invalid_request',
      status: 400,
    })
    expect(() => oauthError('token.expired' satisfies Reason, 'expired', { code: 'invalid_scope' })).toThrow(
      /never sent as invalid_scope/,
    )
  })
})
