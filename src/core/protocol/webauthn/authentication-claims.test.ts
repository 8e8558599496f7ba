import { describe, expect, test } from 'vitest'
import { authenticationClaims } from './authentication-claims.ts'
import type { VerifiedAssertion } from './verify-assertion.ts'

const verified: VerifiedAssertion = {
  credentialId: 'AAECAwQFBgcICQoLDA0ODw',
  userHandle: 'dQ',
  userPresent: true,
  userVerified: true,
  counter: 3,
  deviceType: 'singleDevice',
  backedUp: false,
  authTime: 1_800_000_000,
}

describe('authenticationClaims (RFC 8176 §2)', () => {
  test.each([
    ['a device-bound passkey with UV', {}, ['hwk', 'user', 'mfa'], 'phrh'],
    [
      'a synced passkey with UV',
      { deviceType: 'multiDevice', backedUp: true },
      ['swk', 'user', 'mfa'],
      'phr',
    ],
    ['a device-bound passkey without UV', { userVerified: false }, ['hwk', 'user'], 'phr'],
  ] as const)('maps %s to its amr and acr', async (_name, change, amr, acr) => {
    const claims = await authenticationClaims({ ...verified, ...change })
    expect(claims.amr).toEqual(amr)
    expect(claims.acr).toBe(acr)
  })

  test('sets auth_time to the ceremony and names the credential by the hash of its id', async () => {
    const claims = await authenticationClaims(verified)
    expect(claims.auth_time).toBe(1_800_000_000)
    // SHA-256 of the 16 bytes 00..0f, base64url (computed with Python's hashlib)
    expect(claims.cred_hash).toBe('vkXLJgW_Nr695oSEGijw_UPGmFCj3OX-26aZKO46iZE')
  })
})
