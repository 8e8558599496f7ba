import { describe, expect, test } from 'vitest'
import { createNonceStore } from './nonce-store.ts'

describe('createNonceStore', () => {
  test('issues distinct base64url nonces that are valid where they were issued', async () => {
    const store = createNonceStore()
    const first = await store.issue(1000)
    const second = await store.issue(1000)
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(first).not.toBe(second)
    expect(await store.isValid(first, 1000)).toBe(true)
    expect(await store.isValid(second, 1000)).toBe(true)
  })

  test('refuses a nonce it never issued', async () => {
    expect(await createNonceStore().isValid('eyJ7S_zG.eyJH0-Z.HX4w-7v', 1000)).toBe(false)
  })

  test.each([
    [300, true],
    [301, false],
  ])('treats a nonce issued %i s ago as valid: %s (ttl 300 s)', async (elapsed, valid) => {
    const store = createNonceStore({ ttlSeconds: 300 })
    const nonce = await store.issue(1000)
    expect(await store.isValid(nonce, 1000 + elapsed)).toBe(valid)
  })

  test('keeps at most maxEntries nonces, forgetting the oldest', async () => {
    const store = createNonceStore({ maxEntries: 2 })
    const [a, b, c] = [await store.issue(1000), await store.issue(1000), await store.issue(1000)]
    const valid = await Promise.all([a, b, c].map((nonce) => store.isValid(nonce, 1000)))
    expect(valid).toEqual([false, true, true])
  })
})
