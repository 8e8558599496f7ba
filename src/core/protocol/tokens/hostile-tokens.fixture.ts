// Test fixture: the hostile-token model (a target server, one change at a time) and the JOSE header pitfalls.
import { base64url, decodeProtectedHeader, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'
import type { SigningKey } from '../keys/key-ring.ts'
import type { JwtRule } from './jwt-failure.ts'

/** What a server accepts; each hostile token changes one thing about it. */
export interface TokenTarget {
  /** The token's name at the start of wire descriptions: "subject_token", "actor_token", "Access token". */
  name: string
  typ: string
  audience: string
  /** Claims the server accepts at `nowSeconds`. */
  claims: JWTPayload
  /** The issuer's real signing key. */
  key: SigningKey
  /** A key the server doesn't trust: the attacker's. */
  rogue: SigningKey
  nowSeconds: number
}

export interface HostileToken {
  pitfall: string
  make: (target: TokenTarget) => Promise<string>
  /** The rule of the shared verifier that must refuse it. */
  rule: JwtRule
  description: (target: TokenTarget) => string
  reason: RegExp
}

const utf8 = new TextEncoder()
const json = (value: unknown) => base64url.encode(JSON.stringify(value))

/**
 * The three segments of a compact JWS.
 * @see RFC 7515 §7.1
 */
export const split = (token: string) => {
  const [header = '', payload = '', signature = ''] = token.split('.')
  return { header, payload, signature }
}

/**
 * Signs `claims` as the issuer would, with header overrides, by `key` (the issuer's unless given).
 * @see RFC 7519 §7.1
 */
export const signAs = (
  t: TokenTarget,
  claims: JWTPayload = t.claims,
  header: Partial<JWTHeaderParameters> = {},
  key: SigningKey = t.key,
  crit?: Record<string, boolean>,
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: t.typ, kid: key.kid, ...header })
    .sign(key.privateKey, crit ? { crit } : undefined)

/** The same claims and signature under another header: a relabelled token. */
const relabel = async (t: TokenTarget, header: Record<string, unknown>) => {
  const token = await signAs(t)
  const { payload, signature } = split(token)
  return `${json({ ...decodeProtectedHeader(token), ...header })}.${payload}.${signature}`
}

const otherTyp = (t: TokenTarget) => (t.typ.toLowerCase() === 'jwt' ? 'at+jwt' : 'JWT')
const publicPart = ({ publicJwk: { kty, crv, x, y } }: SigningKey) => ({ kty, crv, x, y })
const rawPoint = ({ publicJwk }: SigningKey) =>
  new Uint8Array([4, ...base64url.decode(String(publicJwk.x)), ...base64url.decode(String(publicJwk.y))])
const hmacWith = (t: TokenTarget, secret: Uint8Array) =>
  new SignJWT(t.claims).setProtectedHeader({ alg: 'HS256', typ: t.typ, kid: t.key.kid }).sign(secret)

/**
 * The RFC 8725 pitfalls in the JOSE header that both servers must refuse, with the shared verifier's rule
 * and wording for each. Claims are in `hostile-claims.fixture.ts`, encodings in `hostile-encodings.fixture.ts`.
 * @see RFC 8725 §2.1, §3.1, §3.10, §3.11
 * @see RFC 7515 §4.1.11
 */
export const HOSTILE_HEADERS: HostileToken[] = [
  {
    pitfall: 'an unsigned token with "alg": "none"',
    make: async (t) => `${json({ alg: 'none', typ: t.typ })}.${json(t.claims)}.`,
    rule: 'alg',
    description: (t) => `${t.name} "alg" "none" is not accepted`,
    reason: /"none" is refused because an unsigned token proves nothing/,
  },
  ...[
    ['the JSON of its public JWK', (t: TokenTarget) => utf8.encode(JSON.stringify(t.key.publicJwk))],
    ['the raw bytes of its EC public point', (t: TokenTarget) => rawPoint(t.key)],
  ].map(([secret, bytes]): HostileToken => ({
    pitfall: `HS256 keyed with the issuer's public key (${String(secret)}) as the HMAC secret`,
    make: (t) => hmacWith(t, (bytes as (t: TokenTarget) => Uint8Array)(t)),
    rule: 'alg',
    description: (t) => `${t.name} "alg" "HS256" is not accepted`,
    reason: /uses the issuer's public key as that "secret".*\(key confusion\)/,
  })),
  {
    pitfall: 'a "jwk" header carrying the attacker\'s key, under the issuer\'s kid',
    make: (t) => signAs(t, t.claims, { kid: t.key.kid, jwk: publicPart(t.rogue) }, t.rogue),
    rule: 'header',
    description: (t) => `${t.name} header "jwk" is not accepted`,
    reason: /carries its own public key in "jwk".*refused, never used/,
  },
  {
    pitfall: 'a "jku" header pointing at the attacker\'s key set',
    make: (t) => signAs(t, t.claims, { jku: 'https://attacker.example/jwks.json' }, t.rogue),
    rule: 'header',
    description: (t) => `${t.name} header "jku" is not accepted`,
    reason: /points to a key set of its choosing \("jku": "https:\/\/attacker\.example\/jwks\.json"\)/,
  },
  {
    pitfall: 'a "kid" the issuer never published',
    make: (t) => signAs(t, t.claims, {}, t.rogue),
    rule: 'key',
    description: (t) => `${t.name} "kid" matches no key of the issuer`,
    reason: /has no key "[\w-]+", so the issuer did not sign this token/,
  },
  ...['ES384', 'PS256'].map((alg): HostileToken => ({
    pitfall: `the issuer's ES256 signature relabelled "${alg}"`,
    make: (t) => relabel(t, { alg }),
    rule: 'alg',
    description: (t) => `${t.name} "alg" "${alg}" is not the algorithm of its key`,
    reason: /is published for ES256 only, and each key must be used with exactly one algorithm/,
  })),
  {
    pitfall: 'a token typed as the other kind of JWT',
    make: (t) => signAs(t, t.claims, { typ: otherTyp(t) }),
    rule: 'typ',
    description: (t) => `${t.name} "typ" must be "${t.typ}", not "${otherTyp(t)}"`,
    reason: /Explicit typing keeps one kind of JWT from passing for another/,
  },
  {
    pitfall: 'a token with no "typ"',
    make: (t) => signAs(t, t.claims, { typ: undefined }),
    rule: 'typ',
    description: (t) => `${t.name} "typ" must be "${t.typ}", but it is missing`,
    reason: /The header says "typ": null/,
  },
  ...[
    ['urn:x', { 'urn:x': 'must-understand' }],
    ['exp', { exp: 4_102_444_800 }],
  ].map(([name, member]): HostileToken => ({
    pitfall: `"crit" naming "${String(name)}", with that member present`,
    make: (t) =>
      signAs(t, t.claims, { crit: [String(name)], ...(member as object) }, t.key, { [String(name)]: true }),
    rule: 'crit',
    description: (t) =>
      `${t.name} header "crit" names "${String(name)}", which this server does not understand`,
    reason: /must understand and process, or else reject the token/,
  })),
]
