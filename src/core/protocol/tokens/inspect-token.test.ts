import { describe, expect, test } from 'vitest'
import { inspectToken, MAX_INSPECT_CHARS } from './inspect-token.ts'
import { vendorSigner, VENDOR_SHAPES, type Vendor } from './vendor-token-shapes.fixture.ts'
import { verifyPastedSignature } from './verify-pasted-signature.ts'

const signer = await vendorSigner()
const other = await vendorSigner('other-key')

describe('the token inspector', () => {
  test.each(Object.keys(VENDOR_SHAPES) as Vendor[])(
    'decodes a %s-shaped token and explains its claims',
    async (vendor) => {
      const inspected = inspectToken(await signer.sign(vendor))
      expect(inspected.ok).toBe(true)
      if (!inspected.ok) return
      expect(inspected.value.header).toMatchObject({ alg: 'RS256', kid: 'vendor-key-1' })
      expect(inspected.value.payload).toEqual(VENDOR_SHAPES[vendor].claims)
      expect(inspected.value.claims.find((claim) => claim.name === 'iss')?.info?.label).toBe('Issuer')
      expect(inspected.value.profile).toHaveLength(5)
    },
  )

  test('draws ZITADEL’s act as a chain and says the actor profile wants sub_profile', async () => {
    const inspected = inspectToken(await signer.sign('zitadel'))
    if (!inspected.ok) throw new Error(inspected.message)
    expect(inspected.value.subject).toBe('263542612422233344')
    expect(inspected.value.actChain).toEqual([
      { sub: '263542612577788899', iss: 'https://acme-abc123.zitadel.cloud', subProfile: null },
    ])
    const failed = inspected.value.profile.filter((check) => !check.ok).map((check) => check.reason)
    expect(failed).toEqual(['actor_profile.sub_profile_invalid'])
  })

  test('explains the delegation claims from the registry', async () => {
    const inspected = inspectToken(await signer.sign('auth0'))
    if (!inspected.ok) throw new Error(inspected.message)
    expect(inspected.value.claims.find((claim) => claim.name === 'azp')?.info?.label).toBe('Authorized party')
  })

  test.each([
    ['a 10 MB paste', 'x'.repeat(10 * 1024 * 1024), 'inspect.too_large'],
    ['one character too many', 'x'.repeat(MAX_INSPECT_CHARS + 1), 'inspect.too_large'],
    ['nothing', '   ', 'inspect.empty'],
    ['text that is not a JWT', 'hello.world', 'inspect.malformed'],
  ])('refuses %s with a clear reason', (_name, text, reason) => {
    const inspected = inspectToken(text)
    expect(inspected).toMatchObject({ ok: false, reason })
  })

  describe('signature', () => {
    test('verifies against a pasted JWKS', async () => {
      const token = await signer.sign('okta')
      const jwks = JSON.stringify({ keys: [other.jwk, signer.jwk] })
      expect(await verifyPastedSignature(token, jwks)).toEqual({
        ok: true,
        alg: 'RS256',
        kid: 'vendor-key-1',
      })
    })

    test('verifies against a single pasted JWK', async () => {
      const result = await verifyPastedSignature(await signer.sign('keycloak'), JSON.stringify(signer.jwk))
      expect(result.ok).toBe(true)
    })

    test.each([
      ['another key', async () => JSON.stringify(other.jwk), 'signature.invalid'],
      [
        'a JWKS without its kid',
        async () => JSON.stringify({ keys: [other.jwk] }),
        'signature.no_matching_key',
      ],
      ['text that is not JSON', async () => 'not json', 'signature.key_invalid'],
      ['a symmetric key', async () => JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }), 'signature.key_invalid'],
    ])('refuses %s', async (_name, key, reason) => {
      expect(await verifyPastedSignature(await signer.sign('auth0'), await key())).toMatchObject({
        ok: false,
        reason,
      })
    })

    test('refuses an unsigned (alg none) token', async () => {
      const [, payload] = (await signer.sign('auth0')).split('.')
      const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`
      expect(await verifyPastedSignature(none, JSON.stringify(signer.jwk))).toMatchObject({
        ok: false,
        reason: 'signature.invalid',
      })
    })
  })
})
