import { describe, expect, test } from 'vitest'
import { createReplayCache } from './replay-cache.ts'

describe('createReplayCache', () => {
  test('accepts a key once and reports it as a replay the second time', async () => {
    const cache = createReplayCache()
    expect(await cache.checkAndRemember('jkt:jti-1', 1300, 1000)).toBe('fresh')
    expect(await cache.checkAndRemember('jkt:jti-1', 1301, 1001)).toBe('replayed')
    expect(await cache.checkAndRemember('jkt:jti-2', 1301, 1001)).toBe('fresh')
  })

  test.each([
    [599, 'replayed'],
    [600, 'fresh'],
  ])(
    'remembers a key until its expiry: %i s later it is %s (expiry 600 s after)',
    async (elapsed, verdict) => {
      const cache = createReplayCache()
      await cache.checkAndRemember('k', 1600, 1000)
      expect(await cache.checkAndRemember('k', 1600 + elapsed, 1000 + elapsed)).toBe(verdict)
    },
  )

  test('forgets expired keys, so its size is bounded in time', async () => {
    const cache = createReplayCache()
    for (let i = 0; i < 50; i++) await cache.checkAndRemember(`k${i}`, 1010 + (i % 3), 1000)
    expect(cache.size()).toBe(50)
    await cache.checkAndRemember('later', 1400, 1012)
    expect(cache.size()).toBe(1)
  })

  test('answers "full" instead of forgetting a live key, so its size is bounded in number', async () => {
    const cache = createReplayCache({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c']) expect(await cache.checkAndRemember(key, 1300, 1000)).toBe('fresh')
    expect(await cache.checkAndRemember('d', 1300, 1000)).toBe('full')
    expect(cache.size()).toBe(3)
    // Every key held is still caught, and the refused one was not remembered.
    for (const key of ['a', 'b', 'c']) expect(await cache.checkAndRemember(key, 1300, 1200)).toBe('replayed')
    expect(await cache.checkAndRemember('d', 1300, 1200)).toBe('full')
  })

  test('takes new keys again once the held ones expire', async () => {
    const cache = createReplayCache({ maxEntries: 2 })
    await cache.checkAndRemember('a', 1100, 1000)
    await cache.checkAndRemember('b', 1300, 1000)
    expect(await cache.checkAndRemember('c', 1300, 1099)).toBe('full')
    expect(await cache.checkAndRemember('c', 1300, 1100)).toBe('fresh')
    expect(await cache.checkAndRemember('b', 1300, 1100)).toBe('replayed')
  })
})
