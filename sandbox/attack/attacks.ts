// The gallery's resource-side attacks as requests against someone else's resource server, each with what a correct server does.
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT, type JWTPayload } from 'jose'
import { createDpopProof } from '../../src/core/protocol/dpop/create-proof.ts'
import { accessTokenHash } from '../../src/core/protocol/dpop/thumbprint.ts'
import type { SigningKey } from '../../src/core/protocol/keys/key-ring.ts'

/** What an attack needs: the genuine token and the agent's key, a thief's key, and the IdP key when given. */
export interface AttackContext {
  target: URL
  method: string
  /** The genuine delegated, DPoP-bound token. */
  token: string
  agentKey: SigningKey
  thiefKey: SigningKey
  /** The IdP's signing key (from a keys file), to mint expired, other-audience and scope-less tokens. */
  idpKey: SigningKey | undefined
  /** The genuine request's proof, already accepted once. */
  acceptedProof: string
  nowSeconds: number
}

export interface AttackRequest {
  method: string
  url: string
  headers: Record<string, string>
}

export interface Attack {
  id: string
  name: string
  /** What a correct server does. */
  expected: string
  /** Null when it can't be built (no IdP key). */
  build(ctx: AttackContext): Promise<AttackRequest | null>
}

const enc = (value: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)))

/** A fresh proof for `method` and `url` (RFC 9449 §4.2), bound to `token` unless `ath` is left out. */
async function proofFor(
  key: SigningKey,
  ctx: AttackContext,
  token: string,
  over: { htm?: string; htu?: string; ath?: boolean } = {},
) {
  const htu = over.htu ?? `${ctx.target.origin}${ctx.target.pathname}`
  return createDpopProof(key, {
    htm: over.htm ?? ctx.method,
    htu,
    iat: ctx.nowSeconds,
    ...(over.ath === false ? {} : { ath: await accessTokenHash(token) }),
  })
}

const dpopRequest = async (ctx: AttackContext, token: string, proof: string): Promise<AttackRequest> => ({
  method: ctx.method,
  url: ctx.target.href,
  headers: { authorization: `DPoP ${token}`, dpop: proof },
})

/** The genuine token's claims re-signed with the IdP key after `change`: what only the IdP could mint. */
async function reminted(
  ctx: AttackContext,
  change: (claims: JWTPayload) => JWTPayload,
): Promise<string | null> {
  if (!ctx.idpKey) return null
  const header = decodeProtectedHeader(ctx.token)
  // A new jti, so a server that remembers access-token jti values judges each on its own.
  return new SignJWT(change({ ...decodeJwt(ctx.token), jti: crypto.randomUUID() }))
    .setProtectedHeader({ alg: ctx.idpKey.alg, typ: header.typ ?? 'at+jwt', kid: ctx.idpKey.kid })
    .sign(ctx.idpKey.privateKey)
}

const withReminted = async (ctx: AttackContext, change: (claims: JWTPayload) => JWTPayload) => {
  const token = await reminted(ctx, change)
  return token === null ? null : dpopRequest(ctx, token, await proofFor(ctx.agentKey, ctx, token))
}

export const ATTACKS: readonly Attack[] = [
  {
    id: 'thief-key',
    name: "the token with the thief's own DPoP key",
    expected: '401 invalid_token: the proof key is not cnf.jkt (RFC 9449 §7.1)',
    build: async (ctx) => dpopRequest(ctx, ctx.token, await proofFor(ctx.thiefKey, ctx, ctx.token)),
  },
  {
    id: 'replayed-proof',
    name: 'a replayed proof',
    expected: '401 invalid_dpop_proof: jti already used (RFC 9449 §11.1)',
    build: async (ctx) => dpopRequest(ctx, ctx.token, ctx.acceptedProof),
  },
  {
    id: 'other-url',
    name: 'a proof for another URL',
    expected: '401 invalid_dpop_proof: htu does not match (RFC 9449 §4.3)',
    build: async (ctx) =>
      dpopRequest(
        ctx,
        ctx.token,
        await proofFor(ctx.agentKey, ctx, ctx.token, { htu: `${ctx.target.origin}/elsewhere` }),
      ),
  },
  {
    id: 'other-method',
    name: 'a proof for another method',
    expected: '401 invalid_dpop_proof: htm does not match (RFC 9449 §4.3)',
    build: async (ctx) =>
      dpopRequest(
        ctx,
        ctx.token,
        await proofFor(ctx.agentKey, ctx, ctx.token, { htm: ctx.method === 'DELETE' ? 'PUT' : 'DELETE' }),
      ),
  },
  {
    id: 'no-ath',
    name: 'a proof without ath',
    expected: '401 invalid_dpop_proof: ath is required with an access token (RFC 9449 §4.3)',
    build: async (ctx) =>
      dpopRequest(ctx, ctx.token, await proofFor(ctx.agentKey, ctx, ctx.token, { ath: false })),
  },
  {
    id: 'alg-none',
    name: 'alg: none',
    expected: '401 invalid_token: unsigned tokens are refused (RFC 8725 §3.1)',
    build: async (ctx) => {
      const token = `${enc({ alg: 'none', typ: 'at+jwt' })}.${ctx.token.split('.')[1]}.`
      return dpopRequest(ctx, token, await proofFor(ctx.agentKey, ctx, token))
    },
  },
  {
    id: 'edited-claims',
    name: 'claims edited after signing',
    expected: '401 invalid_token: the signature no longer matches (RFC 7515 §5.2)',
    build: async (ctx) => {
      const [header, , signature] = ctx.token.split('.')
      const claims = decodeJwt(ctx.token)
      const token = `${header}.${enc({ ...claims, sub: 'u_admin', scope: `${claims.scope ?? ''} admin`.trim() })}.${signature}`
      return dpopRequest(ctx, token, await proofFor(ctx.agentKey, ctx, token))
    },
  },
  {
    id: 'bearer-downgrade',
    name: 'the DPoP-bound token sent as Bearer',
    expected: '401 invalid_token: a cnf-bound token needs DPoP (RFC 9449 §7.2)',
    build: async (ctx) => ({
      method: ctx.method,
      url: ctx.target.href,
      headers: { authorization: `Bearer ${ctx.token}` },
    }),
  },
  {
    id: 'expired',
    name: 'an expired token',
    expected: '401 invalid_token: exp has passed (RFC 9068 §4)',
    build: (ctx) =>
      withReminted(ctx, (claims) => ({ ...claims, iat: ctx.nowSeconds - 900, exp: ctx.nowSeconds - 300 })),
  },
  {
    id: 'other-audience',
    name: 'a token for another audience',
    expected: '401 invalid_token: aud does not name this server (RFC 9068 §4)',
    build: (ctx) => withReminted(ctx, (claims) => ({ ...claims, aud: 'https://another-api.example' })),
  },
  {
    id: 'lacking-scope',
    name: 'a token lacking the scope',
    expected: '403 insufficient_scope (RFC 6750 §3.1)',
    build: (ctx) => withReminted(ctx, (claims) => ({ ...claims, scope: 'attack:none' })),
  },
]
