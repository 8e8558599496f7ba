// The RFC 8725 pitfalls at the token endpoint: each hostile token refused as subject_token and as actor_token.
import { decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { createDpopProof } from '../dpop/create-proof.ts'
import { HOSTILE_CLAIMS } from '../tokens/hostile-claims.fixture.ts'
import { HOSTILE_ENCODINGS } from '../tokens/hostile-encodings.fixture.ts'
import { HOSTILE_HEADERS, type TokenTarget } from '../tokens/hostile-tokens.fixture.ts'
import { EXCHANGE_CASE, IDP_ISSUER } from './exchange-case.fixture.ts'
import { exchangeCase, FIXED_NOW, mintCaseTokens, sendExchange, testKeys } from './exchange-fixture.ts'
import { tokenEndpointUrl } from './token-endpoint.ts'

const NOW = Math.floor(FIXED_NOW / 1000)
const TOKEN_URL = tokenEndpointUrl(IDP_ISSUER)
const keys = await testKeys()
const seed = await mintCaseTokens(EXCHANGE_CASE, keys, NOW)

type Slot = 'subject_token' | 'actor_token'
const TARGETS: Record<Slot, TokenTarget> = {
  subject_token: {
    name: 'subject_token',
    typ: 'at+jwt',
    audience: IDP_ISSUER,
    claims: decodeJwt(seed.subject),
    key: keys.idp,
    rogue: keys.rogue,
    nowSeconds: NOW,
  },
  actor_token: {
    name: 'actor_token',
    typ: 'JWT',
    audience: IDP_ISSUER,
    claims: decodeJwt(seed.actor!),
    key: keys.workload,
    rogue: keys.rogue,
    nowSeconds: NOW,
  },
}

interface Options {
  headers?: Record<string, string>
  /** The IdP's clock, in milliseconds. */
  clock?: number
  subjectTokenTtl?: number
}

/** The seed exchange as a hand-built form, with `swap` replacing either of its tokens. */
function exchange(
  swap: Partial<Record<Slot, string>>,
  { headers = {}, clock, subjectTokenTtl }: Options = {},
) {
  const scenario = exchangeCase(
    (s) => void (s.user.subjectTokenTtl = subjectTokenTtl ?? s.user.subjectTokenTtl),
  )
  return sendExchange(scenario, {
    ...(clock === undefined ? {} : { clock: () => clock }),
    request: ({ subject, actor }) =>
      new Request(TOKEN_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          subject_token: swap.subject_token ?? subject,
          subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          actor_token: swap.actor_token ?? actor!,
          actor_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          audience: 'api.github.com',
          scope: 'read:repo',
        }),
      }),
  })
}

const rows = [...HOSTILE_HEADERS, ...HOSTILE_CLAIMS, ...HOSTILE_ENCODINGS].flatMap((hostile) =>
  (['subject_token', 'actor_token'] as const).map(
    (slot) => [`${hostile.pitfall}, as the ${slot}`, { ...hostile, slot }] as const,
  ),
)

describe('the token endpoint refuses every RFC 8725 pitfall with invalid_request', () => {
  // An actor token's "iss" picks the keys to check it with, so a foreign issuer is refused before that.
  const verified = rows.filter(([, row]) => !(row.slot === 'actor_token' && row.rule === 'iss'))

  test.each(verified)('refuses %s', async (_name, { slot, make, rule, description, reason }) => {
    const target = TARGETS[slot]
    const { response, body, checks, audits } = await exchange({ [slot]: await make(target) })
    expect(response.status).toBe(400)
    expect(body).toEqual({ error: 'invalid_request', error_description: description(target) })
    expect(checks.at(-1)).toMatchObject({ by: 'idp', ok: false, label: `${slot} ${rule} check` })
    expect(checks.at(-1)?.detail).toMatch(reason)
    expect(audits).toEqual([expect.objectContaining({ decision: 'deny' })])
  })

  test('refuses an actor token from another issuer before choosing any key to check it with', async () => {
    const { body, checks } = await exchange({
      actor_token: await HOSTILE_CLAIMS.find((h) => h.rule === 'iss')!.make(TARGETS.actor_token),
    })
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'actor_token issuer "https://attacker.example" is not trusted',
    })
    expect(checks.at(-1)).toMatchObject({
      ok: false,
      label: 'actor_token issuer is trusted for workload identities',
    })
  })
})

describe('the token endpoint keeps each kind of JWT in its place', () => {
  const proof = () => createDpopProof(keys.agentDpop, { htm: 'POST', htu: TOKEN_URL, iat: NOW })

  test('refuses a DPoP proof presented as the subject token, naming its typ', async () => {
    const { body, checks } = await exchange({ subject_token: await proof() })
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'subject_token "typ" must be "at+jwt", not "dpop+jwt"',
    })
    expect(checks.at(-1)?.detail).toMatch(/"typ": "dpop\+jwt"/)
  })

  test('refuses a DPoP proof presented as the actor token: it names no trusted issuer', async () => {
    const { body } = await exchange({ actor_token: await proof() })
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'actor_token issuer "" is not trusted',
    })
  })

  test('refuses the subject token presented as the DPoP proof: it carries no "jwk"', async () => {
    const { response, body, checks } = await exchange({}, { headers: { dpop: seed.subject } })
    expect(response.status).toBe(400)
    expect(body).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof header "jwk" is missing or not a JSON object',
    })
    expect(checks.at(-1)).toMatchObject({ ok: false, spec: 'RFC 9449 §4.3 (3), §4.2' })
  })
})

describe('the token endpoint accepts a subject token until exp + 30 s, exclusive', () => {
  // With a 60 s lifetime minted 60 s before FIXED_NOW, the subject token's "exp" is FIXED_NOW itself.
  const atExpPlus = (seconds: number) =>
    exchange({}, { subjectTokenTtl: 60, clock: FIXED_NOW + seconds * 1000 })

  test('accepts it at exp + 29 s, and then finds no lifetime left to issue', async () => {
    const { body, checks } = await atExpPlus(29)
    expect(checks).toContainEqual(
      expect.objectContaining({ ok: true, label: expect.stringMatching(/^subject_token: canonical JWS/) }),
    )
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'No lifetime remains for the issued token',
    })
  })

  test('refuses it at exp + 30 s, saying how long ago it expired', async () => {
    const { body, checks } = await atExpPlus(30)
    expect(body).toEqual({ error: 'invalid_request', error_description: 'subject_token has expired' })
    expect(checks.at(-1)?.detail).toBe('"exp" passed 30 s ago, beyond the 30 s of clock skew tolerated.')
  })
})
