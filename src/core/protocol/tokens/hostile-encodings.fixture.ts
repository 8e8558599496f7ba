// Test fixture: the encoding tricks (duplicate names, non-canonical base64url) as hostile tokens.
import { base64url, CompactSign } from 'jose'
import { signAs, split, type HostileToken, type TokenTarget } from './hostile-tokens.fixture.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const utf8 = new TextEncoder()

/** A real token whose header JSON text is replaced, spelled exactly as given. */
const withHeaderText = async (t: TokenTarget, text: (kid: string) => string) => {
  const { payload, signature } = split(await signAs(t))
  return `${base64url.encode(text(t.key.kid))}.${payload}.${signature}`
}

/** A validly signed token whose signature is respelled (ECDSA is randomized: retry until it can be). */
async function respellSignature(t: TokenTarget, respell: (signature: string) => string | null) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { header, payload, signature } = split(await signAs(t))
    const respelled = respell(signature)
    if (respelled !== null) return `${header}.${payload}.${respelled}`
  }
  throw new Error('could not respell the signature')
}

/**
 * Tokens that decode to acceptable claims but are not the one canonical spelling a JWS may have: every
 * server must refuse them before parsing lets two readers see different things.
 * @see RFC 7515 §2, §4
 * @see RFC 7519 §4
 * @see RFC 4648 §3.5
 */
export const HOSTILE_ENCODINGS: HostileToken[] = [
  {
    pitfall: 'validly signed claims with "sub" twice',
    make: (t) =>
      new CompactSign(utf8.encode(JSON.stringify(t.claims).replace(/}$/, ',"sub":"u_admin"}')))
        .setProtectedHeader({ alg: 'ES256', typ: t.typ, kid: t.key.kid })
        .sign(t.key.privateKey),
    rule: 'encoding',
    description: (t) => `${t.name} payload has "sub" more than once`,
    reason: /"sub" appears more than once in the payload.*JSON\.parse keeps the last/,
  },
  ...[
    ['"alg" twice ("ES256", then "none")', '"alg"'],
    ['"alg" a second time spelled "\\u0061lg"', '"\\u0061lg"'],
  ].map(([spelled, second]): HostileToken => ({
    pitfall: `a header with ${String(spelled)}`,
    make: (t) =>
      withHeaderText(t, (kid) => `{"alg":"ES256","typ":"${t.typ}","kid":"${kid}",${second}:"none"}`),
    rule: 'encoding',
    description: (t) => `${t.name} header has "alg" more than once`,
    reason: /"alg" appears more than once in the header/,
  })),
  {
    // Six "~" always hold a byte-aligned "~~~", which base64url spells "fn5-": so a "-" to respell.
    pitfall: 'a payload respelled in the base64 alphabet ("+" for "-")',
    make: async (t) => {
      const { header, signature } = split(await signAs(t))
      const payload = base64url.encode(JSON.stringify({ ...t.claims, note: '~~~~~~' })).replaceAll('-', '+')
      return `${header}.${payload}.${signature}`
    },
    rule: 'encoding',
    description: (t) => `${t.name} payload is not canonical base64url`,
    reason: /The payload contains "\+", a base64 character base64url writes as "-"/,
  },
  ...(
    [
      ['"=" padding', (s: string) => `${s}==`, /contains "=" padding/],
      [
        '"+" and "/" from the base64 alphabet',
        (s: string) => (/[-_]/.test(s) ? s.replaceAll('-', '+').replaceAll('_', '/') : null),
        /contains "[+/]", a base64 character base64url writes as "[-_]"/,
      ],
      ['whitespace', (s: string) => `${s.slice(0, 40)} ${s.slice(40)}`, /contains whitespace/],
      [
        'a last character whose unused bits are not zero',
        (s: string) => s.slice(0, -1) + ALPHABET.charAt(ALPHABET.indexOf(s.slice(-1)) | 1),
        /ends in "[\w-]", whose unused low bits are not zero/,
      ],
    ] as const
  ).map(([trick, respell, reason]): HostileToken => ({
    pitfall: `a validly signed token whose signature is respelled with ${trick}`,
    make: (t) => respellSignature(t, respell),
    rule: 'encoding',
    description: (t) => `${t.name} signature is not canonical base64url`,
    reason,
  })),
]
