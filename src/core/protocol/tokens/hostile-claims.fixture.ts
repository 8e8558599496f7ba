// Test fixture: tokens signed by the right key whose claims are wrong for the server: issuer, audience, time.
import { signAs, type HostileToken } from './hostile-tokens.fixture.ts'

/**
 * Validly signed tokens the server must still refuse for what they claim.
 * @see RFC 7519 §4.1.1, §4.1.3, §4.1.4, §4.1.5
 * @see RFC 8725 §3.8, §3.9
 */
export const HOSTILE_CLAIMS: HostileToken[] = [
  {
    pitfall: 'a token from another issuer',
    make: (t) => signAs(t, { ...t.claims, iss: 'https://attacker.example' }),
    rule: 'iss',
    description: (t) => `${t.name} "iss" is not the expected issuer`,
    reason: /issued by "https:\/\/attacker\.example", but this server only accepts tokens from/,
  },
  {
    pitfall: 'a token for another audience',
    make: (t) => signAs(t, { ...t.claims, aud: ['https://attacker.example'] }),
    rule: 'aud',
    description: (t) => `${t.name} "aud" does not include "${t.audience}"`,
    reason: /meant for \["https:\/\/attacker\.example"\]/,
  },
  {
    pitfall: 'a token not valid until 31 s from now, beyond the 30 s leeway',
    make: (t) => signAs(t, { ...t.claims, nbf: t.nowSeconds + 31 }),
    rule: 'nbf',
    description: (t) => `${t.name} is not valid yet ("nbf")`,
    reason: /"nbf" is 31 s from now, beyond the 30 s of clock skew tolerated/,
  },
  {
    pitfall: 'a token that expired 30 s ago, the whole leeway',
    make: (t) => signAs(t, { ...t.claims, iat: t.nowSeconds - 100, exp: t.nowSeconds - 30 }),
    rule: 'exp',
    description: (t) => `${t.name} has expired`,
    reason: /"exp" passed 30 s ago, beyond the 30 s of clock skew tolerated/,
  },
]
