import { describe, expect, test } from 'vitest'
import { EXCHANGE_CASE } from './exchange-case.fixture.ts'
import { authorizationServerMetadata, metadataUrl } from './authorization-server-metadata.ts'

describe('authorization server metadata (RFC 8414)', () => {
  test('names every endpoint under the issuer and what the IdP supports', () => {
    expect(
      authorizationServerMetadata({
        issuer: 'http://127.0.0.1:8693',
        policy: EXCHANGE_CASE.policy,
        introspectionAuthMethods: ['client_secret_basic'],
      }),
    ).toEqual({
      issuer: 'http://127.0.0.1:8693',
      token_endpoint: 'http://127.0.0.1:8693/token',
      jwks_uri: 'http://127.0.0.1:8693/jwks',
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:token-exchange'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['deploy:staging', 'read:repo', 'write:issues'],
      dpop_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'PS256', 'EdDSA'],
      introspection_endpoint: 'http://127.0.0.1:8693/introspect',
      introspection_endpoint_auth_methods_supported: ['client_secret_basic'],
    })
  })

  test.each([
    ['https://idp.example.com', 'https://idp.example.com/.well-known/oauth-authorization-server'],
    ['https://idp.example.com/', 'https://idp.example.com/.well-known/oauth-authorization-server'],
    ['https://example.com/tenant/1', 'https://example.com/.well-known/oauth-authorization-server/tenant/1'],
  ])('the metadata of %s is at %s', (issuer, url) => {
    expect(metadataUrl(issuer)).toBe(url)
  })
})
