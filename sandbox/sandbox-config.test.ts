import { describe, expect, test } from 'vitest'
import { DEMO_INTROSPECTION_SECRET, readSandboxConfig } from './sandbox-config.ts'

describe('sandbox settings from the environment', () => {
  test('defaults: 127.0.0.1:8693, issuer from the listening address, the demo secret, DPoP optional', () => {
    expect(readSandboxConfig({})).toEqual({
      ok: true,
      value: {
        port: 8693,
        host: '127.0.0.1',
        issuer: undefined,
        introspectionSecret: DEMO_INTROSPECTION_SECRET,
        requireDpop: false,
      },
    })
  })

  test('PORT, HOST, ISSUER, INTROSPECTION_SECRET and REQUIRE_DPOP change them', () => {
    expect(
      readSandboxConfig({
        PORT: '0',
        HOST: '::1',
        ISSUER: 'https://sandbox.example.com/',
        INTROSPECTION_SECRET: 'x',
        REQUIRE_DPOP: 'true',
      }),
    ).toEqual({
      ok: true,
      value: {
        port: 0,
        host: '::1',
        issuer: 'https://sandbox.example.com',
        introspectionSecret: 'x',
        requireDpop: true,
      },
    })
  })

  test.each([
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000"'],
    [{ PORT: 'http' }, 'PORT must be a whole number from 0 to 65535, not "http"'],
    [{ ISSUER: 'sandbox.example.com' }, 'ISSUER must be an absolute URL, not "sandbox.example.com"'],
    [
      { ISSUER: 'ftp://sandbox.example.com' },
      'ISSUER must be an http or https URL, not "ftp://sandbox.example.com"',
    ],
    [
      { ISSUER: 'https://example.com/idp' },
      'ISSUER must be an origin such as https://sandbox.example.com, with no path, query or credentials',
    ],
    [{ REQUIRE_DPOP: 'yes' }, 'REQUIRE_DPOP must be 1, true, 0 or false, not "yes"'],
  ])('%j is refused with a message naming the setting', (env, error) => {
    expect(readSandboxConfig(env)).toEqual({ ok: false, error })
  })
})
