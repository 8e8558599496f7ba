import { SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createSigningKey, publicJwks } from '../keys/key-ring.ts'
import { verifyJwtGrant } from './verify-jwt-grant.ts'

const NOW = 1_778_451_181
const ISSUER = 'https://idp.a.example'
const AS = 'https://as.b.example'
const key = await createSigningKey()
const stranger = await createSigningKey()

const grant = (edit: { typ?: string; nbf?: number; signer?: typeof key; iss?: string } = {}) =>
  new SignJWT({ scope: 'read:repo', ...(edit.nbf ? { nbf: edit.nbf } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ: edit.typ ?? 'JWT', kid: key.kid })
    .setIssuer(edit.iss ?? ISSUER)
    .setSubject('u_marwan')
    .setAudience(AS)
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 60)
    .setJti(crypto.randomUUID())
    .sign((edit.signer ?? key).privateKey)

const rules = () => ({
  audience: AS,
  trustedIssuers: { [ISSUER]: publicJwks(key) },
  nowSeconds: NOW,
  replay: createReplayCache(),
})

describe('a JWT authorization grant (RFC 7523 §3)', () => {
  test('accepts a grant from a trusted issuer, for this AS, once', async () => {
    const verified = await verifyJwtGrant(await grant(), rules())
    expect(verified.ok && verified.value.sub).toBe('u_marwan')
  })

  test.each([
    ['text that is not a JWT', async () => 'not.a.jwt', 'chain.grant_malformed'],
    [
      'an issuer this AS has no trust with',
      async () => grant({ iss: 'https://idp.c.example' }),
      'chain.grant_untrusted_issuer',
    ],
    ['a signature by another key', async () => grant({ signer: stranger }), 'chain.grant_invalid'],
    ['an access token (typ at+jwt)', async () => grant({ typ: 'at+jwt' }), 'chain.foreign_token'],
    ['a grant not valid yet', async () => grant({ nbf: NOW + 600 }), 'chain.grant_not_yet_valid'],
  ])('refuses %s', async (_name, make, reason) => {
    const verified = await verifyJwtGrant(await make(), rules())
    expect(verified.ok || verified.error).toMatchObject({ code: 'invalid_grant', reason })
  })
})
