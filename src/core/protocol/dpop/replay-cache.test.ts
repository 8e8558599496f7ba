import { describe, expect, test } from 'vitest'
import { createReplayCache } from './replay-cache.ts'

describe('createReplayCache', () => {
  test('accepts a key once and reports it as a replay the second time', () => {
    const cache = createReplayCache()
    expect(cache.checkAndRemember('jkt:jti-1', 1000)).toBe(true)
    expect(cache.checkAndRemember('jkt:jti-1', 1001)).toBe(false)
    expect(cache.checkAndRemember('jkt:jti-2', 1001)).toBe(true)
  })

  test.each([
    [599, false],
    [600, true],
  ])('treats a key first seen %i s ago as fresh: %s (ttl 600 s)', (elapsed, fresh) => {
    const cache = createReplayCache({ ttlSeconds: 600 })
    cache.checkAndRemember('k', 1000)
    expect(cache.checkAndRemember('k', 1000 + elapsed)).toBe(fresh)
  })

  test('forgets expired entries, so its size is bounded in time', () => {
    const cache = createReplayCache({ ttlSeconds: 10 })
    for (let i = 0; i < 50; i++) cache.checkAndRemember(`k${i}`, 1000)
    expect(cache.size()).toBe(50)
    cache.checkAndRemember('later', 1010)
    expect(cache.size()).toBe(1)
  })

  test('drops the oldest entry when full, so its size is bounded in number', () => {
    const cache = createReplayCache({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c', 'd']) cache.checkAndRemember(key, 1000)
    expect(cache.size()).toBe(3)
    expect(cache.checkAndRemember('d', 1000)).toBe(false)
    expect(cache.checkAndRemember('a', 1000)).toBe(true)
  })
})
