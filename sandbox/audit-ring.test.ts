import { describe, expect, test } from 'vitest'
import { createAuditRing } from './audit-ring.ts'

const entry = (at: number, line = `line at ${at}`) => ({ at, by: 'resource-server' as const, line })

describe('the audit ring', () => {
  test('keeps lines oldest first', () => {
    const ring = createAuditRing()
    ring.push(entry(1))
    ring.push(entry(2))
    expect(ring.recent(3).map((e) => e.at)).toEqual([1, 2])
  })

  test('never holds more than maxEntries: the oldest go first', () => {
    const ring = createAuditRing({ maxEntries: 3 })
    for (let at = 1; at <= 10; at++) ring.push(entry(at))
    expect(ring.size()).toBe(3)
    expect(ring.recent(10).map((e) => e.at)).toEqual([8, 9, 10])
  })

  test('forgets lines older than maxAgeMs, on write and on read', () => {
    const ring = createAuditRing({ maxAgeMs: 1000 })
    ring.push(entry(0))
    ring.push(entry(500))
    ring.push(entry(1200))
    expect(ring.recent(1200).map((e) => e.at)).toEqual([500, 1200])
    expect(ring.recent(5000)).toEqual([])
    expect(ring.size()).toBe(0)
  })

  test('hands out a copy, so a reader cannot change what is kept', () => {
    const ring = createAuditRing()
    ring.push(entry(1))
    ring.recent(1).pop()
    expect(ring.size()).toBe(1)
  })
})
