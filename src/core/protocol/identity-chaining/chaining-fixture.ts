// Test fixture: two trust domains on real keys, a delegated token from A, and both authorization servers.
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createSigningKey, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import type { ChainingGrantContext, PeerDomain } from './issue-chaining-grant.ts'
import type { RedeemContext } from './redeem-chaining-grant.ts'

export const NOW = Date.parse('2026-05-10T22:13:01.000Z') / 1000
export const AS_A = 'https://idp.a.example'
export const AS_B = 'https://as.b.example/domain-b'
export const AS_C = 'https://as.c.example'
export const RS_B = 'https://api.b.example'
export const AGENT = 'spiffe://a.example/agent/code-reviewer/v3'
export const AGENT_ISS = 'https://spire.a.example'

export const AGENT_ACT = { sub: AGENT, iss: AGENT_ISS, sub_profile: 'ai_agent' }

export interface ChainingWorld {
  keyA: SigningKey
  keyB: SigningKey
  peerB: PeerDomain
  grantContext: ChainingGrantContext
  redeemContext: () => RedeemContext
  /** Domain A's delegated access token, as today's flow issues it. */
  delegatedToken: (edit?: { act?: Record<string, unknown> | null; scope?: string[] }) => Promise<string>
}

let keys: Promise<[SigningKey, SigningKey]> | null = null

export async function chainingWorld(): Promise<ChainingWorld> {
  const [keyA, keyB] = await (keys ??= Promise.all([createSigningKey(), createSigningKey()]))
  const peerB: PeerDomain = {
    issuer: AS_B,
    names: ['domain-b'],
    scopes: ['read:repo', 'write:issues'],
    subjects: { u_marwan: 'marwan@a.example' },
  }
  const grantContext: ChainingGrantContext = {
    issuer: AS_A,
    signingKey: keyA,
    jwks: publicJwks(keyA),
    peers: [peerB],
    nowSeconds: NOW,
    grantTtl: 60,
    actorProfile: null,
  }
  // One replay cache per redeem context: each test starts with a server that has seen nothing.
  const redeemContext = (): RedeemContext => ({
    issuer: AS_B,
    signingKey: keyB,
    trustedIssuers: { [AS_A]: publicJwks(keyA) },
    replay: createReplayCache(),
    nowSeconds: NOW,
    resourceAudience: RS_B,
    scopes: ['read:repo', 'write:issues'],
    subjects: { 'marwan@a.example': 'b-user-7731' },
    maxTtl: 300,
    actorProfile: null,
  })
  const delegatedToken: ChainingWorld['delegatedToken'] = (edit = {}) =>
    mintDelegatedToken(keyA, {
      issuer: AS_A,
      sub: 'u_marwan',
      clientId: 'code-reviewer',
      aud: ['api.github.com'],
      scope: edit.scope ?? ['read:repo', 'write:issues'],
      iat: NOW - 10,
      ttl: 600,
      act: edit.act === undefined ? AGENT_ACT : edit.act,
      jkt: null,
      amr: undefined,
    })
  return { keyA, keyB, peerB, grantContext, redeemContext, delegatedToken }
}
