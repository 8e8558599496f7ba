import { describe, expect, test } from 'vitest'
import { createKeyRing, createSigningKey, publicJwks, type KeyRing } from './key-ring.ts'

const ring = await createKeyRing()
const entries = Object.entries(ring) as [keyof KeyRing, KeyRing[keyof KeyRing]][]

describe('the key ring', () => {
  test.each(entries)('the %s private key is a non-extractable ECDSA P-256 signing key', (_, key) => {
    expect(key.privateKey.type).toBe('private')
    expect(key.privateKey.extractable).toBe(false)
    expect(key.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' })
    expect(key.privateKey.usages).toEqual(['sign'])
  })

  test.each(
    entries.flatMap(([name, key]) =>
      (['jwk', 'pkcs8'] as const).map((format) => [name, format, key] as const),
    ),
  )('exporting the %s private key as %s fails', async (_, format, key) => {
    await expect(crypto.subtle.exportKey(format, key.privateKey)).rejects.toThrow(/not extractable/i)
  })

  test('every key in the ring is a different key', () => {
    expect(new Set(entries.map(([, key]) => key.kid)).size).toBe(entries.length)
  })

  test('the published JWK holds the public half only: no "d"', () => {
    for (const [, key] of entries) expect(key.publicJwk).not.toHaveProperty('d')
    expect(JSON.stringify(publicJwks(ring.idp, ring.workload))).not.toMatch(/"d"/)
  })

  test('a fresh signing key is non-extractable too', async () => {
    const key = await createSigningKey()
    expect(key.privateKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow()
  })
})
