import { describe, expect, test } from 'vitest'
import type { JWK } from 'jose'
import { accessTokenHash, jwkThumbprint } from './thumbprint.ts'

// Published vectors, see /work/shared/RFC-VECTORS.md.
const V_JKT_1_RSA: JWK = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
}
const V_JKT_2_EC: JWK = {
  kty: 'EC',
  x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs',
  y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA',
  crv: 'P-256',
}

describe('jwkThumbprint', () => {
  test.each<[string, JWK, string]>([
    ['V-JKT-1 RSA (RFC 7638 §3.1)', V_JKT_1_RSA, 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'],
    [
      'V-JKT-2 EC P-256, the DPoP example key (RFC 9449 §6.1)',
      V_JKT_2_EC,
      '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I',
    ],
    [
      'V-JKT-3 OKP Ed25519 (RFC 8037 App. A.3)',
      { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    ],
    [
      'V-JKT-4 EC (RFC 7517 App. A.1)',
      {
        crv: 'P-256',
        kty: 'EC',
        x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
        y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
      },
      'cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s',
    ],
    [
      'V-JKT-4 EC (RFC 7515 App. A.3)',
      {
        crv: 'P-256',
        kty: 'EC',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
      },
      'oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U',
    ],
    [
      'V-JKT-4 oct',
      { k: 'GawgguFyGrWKav7AX4VKUg', kty: 'oct' },
      'k1JnWRfC-5zzmL72vXIuBgTLfVROXBakS4OmGcrMCoc',
    ],
  ])('reproduces the published thumbprint of %s', async (_name, jwk, expected) => {
    expect(await jwkThumbprint(jwk)).toBe(expected)
  })

  test('ignores members outside the RFC 7638 required set, such as kid, alg and use', async () => {
    const decorated: JWK = { ...V_JKT_2_EC, kid: 'some-key', alg: 'ES256', use: 'sig' }
    expect(await jwkThumbprint(decorated)).toBe('0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I')
  })

  test('gives a remembered key the same thumbprint again, and never lends it to a key that differs', async () => {
    const first = await jwkThumbprint(V_JKT_2_EC)
    expect(await jwkThumbprint({ ...V_JKT_2_EC })).toBe(first)
    const otherY = { ...V_JKT_2_EC, y: V_JKT_2_EC.x }
    expect(await jwkThumbprint(otherY)).not.toBe(first)
  })

  test('still refuses a key missing a required member after a similar key was remembered', async () => {
    await jwkThumbprint(V_JKT_2_EC)
    const { y: _y, ...withoutY } = V_JKT_2_EC
    await expect(jwkThumbprint(withoutY as JWK)).rejects.toThrow()
    // A member of the wrong type is not the same input either: "5" and 5 don't share an entry.
    await expect(jwkThumbprint({ ...V_JKT_2_EC, y: 5 } as unknown as JWK)).rejects.toThrow()
  })
})

describe('accessTokenHash', () => {
  test('reproduces the RFC 9449 Fig. 14 "ath" of the example access token (V-ATH)', async () => {
    expect(await accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe(
      'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
    )
  })

  test('gives different tokens different hashes', async () => {
    expect(await accessTokenHash('token-a')).not.toBe(await accessTokenHash('token-b'))
  })
})
