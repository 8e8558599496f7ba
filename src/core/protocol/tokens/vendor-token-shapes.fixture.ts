// Test fixture: tokens in the shapes Keycloak, Auth0, Okta and ZITADEL document, signed with our own keys.
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'

const NOW = 1_778_451_181

/** The claims (and header extras) each vendor's documented access-token example carries. */
export const VENDOR_SHAPES = {
  keycloak: {
    header: { typ: 'JWT' },
    claims: {
      exp: NOW + 300,
      iat: NOW,
      jti: 'onrtac:6c2a4d1e-6f7b-4a53-9d2e-2b0b8f6a1c11',
      iss: 'https://keycloak.example/realms/acme',
      aud: 'account',
      sub: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      typ: 'Bearer',
      azp: 'code-review-agent',
      sid: '1a2b3c4d-1111-2222-3333-444455556666',
      acr: '1',
      'allowed-origins': ['https://agent.example'],
      realm_access: { roles: ['offline_access', 'default-roles-acme'] },
      resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
      scope: 'openid profile email',
      email_verified: true,
      preferred_username: 'marwan',
    },
  },
  auth0: {
    header: { typ: 'JWT' },
    claims: {
      iss: 'https://acme.us.auth0.com/',
      sub: 'auth0|64f1c2d3e4b5a6978812abcd',
      aud: ['https://api.acme.example', 'https://acme.us.auth0.com/userinfo'],
      iat: NOW,
      exp: NOW + 86_400,
      scope: 'openid profile read:repo',
      azp: 'Xy7PqR2sT9uV4wZ1aB3cD5eF6gH8iJ0k',
      permissions: ['read:repo'],
    },
  },
  okta: {
    header: {},
    claims: {
      ver: 1,
      jti: 'AT.0mP4JNAQiE7nA2vFzH1bWc3kLq8Rj9YxTs5uVw6',
      iss: 'https://acme.okta.com/oauth2/default',
      aud: 'api://default',
      iat: NOW,
      exp: NOW + 3600,
      cid: '0oa1b2c3d4E5F6g7H8i9',
      uid: '00u1a2b3c4D5e6F7g8h9',
      scp: ['openid', 'profile', 'read:repo'],
      auth_time: NOW - 60,
      sub: 'marwan@acme.example',
    },
  },
  zitadel: {
    header: {},
    claims: {
      aud: ['263542612512345678', '263542612498765432'],
      client_id: '263542612512345678@agents',
      exp: NOW + 43_200,
      iat: NOW,
      iss: 'https://acme-abc123.zitadel.cloud',
      jti: '263542797654321098',
      nbf: NOW,
      sub: '263542612422233344',
      act: { iss: 'https://acme-abc123.zitadel.cloud', sub: '263542612577788899' },
    },
  },
} as const

export type Vendor = keyof typeof VENDOR_SHAPES

/** An RS256 key pair, its public JWK with a `kid`, and a signer for vendor-shaped tokens. */
export async function vendorSigner(kid = 'vendor-key-1') {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  const sign = (vendor: Vendor) =>
    new SignJWT({ ...VENDOR_SHAPES[vendor].claims } as Record<string, unknown>)
      .setProtectedHeader({ alg: 'RS256', kid, ...VENDOR_SHAPES[vendor].header })
      .sign(privateKey)
  return { jwk, sign }
}
