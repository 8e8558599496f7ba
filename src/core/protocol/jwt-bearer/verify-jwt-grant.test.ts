import { SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createSigningKey, publicJwks } from '../keys/key-ring.ts'
import type { Reason } from '../errors/reasons.ts'
import { ID_JAG_GRANT_PROFILE } from '../id-jag/id-jag-grant-profile.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { withDefencesOff } from '../trace/defence-switch.ts'
import { checkJwtGrant, spendJwtGrant, verifyJwtGrant } from './verify-jwt-grant.ts'

const NOW = 1_778_451_181
const ISSUER = 'https://idp.a.example'
const AS = 'https://as.b.example'
const key = await createSigningKey()
const stranger = await createSigningKey()

const grant = (edit: { typ?: string; nbf?: number; signer?: typeof key; iss?: string } = {}) =>
  new SignJWT({ scope: 'read:repo', ...(edit.nbf ? { nbf: edit.nbf } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ: edit.typ ?? 'JWT', kid: key.kid })
    .setIssuer(edit.iss ?? ISSUER)
    .setSubject('u_marwan')
    .setAudience(AS)
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 60)
    .setJti(crypto.randomUUID())
    .sign((edit.signer ?? key).privateKey)

const rules = () => ({
  audience: AS,
  trustedIssuers: { [ISSUER]: publicJwks(key) },
  nowSeconds: NOW,
  replay: createReplayCache(),
})

describe('a JWT authorization grant (RFC 7523 §3)', () => {
  test('accepts a grant from a trusted issuer, for this AS, once', async () => {
    const verified = await verifyJwtGrant(await grant(), rules())
    expect(verified.ok && verified.value.sub).toBe('u_marwan')
  })

  test.each([
    ['text that is not a JWT', async () => 'not.a.jwt', 'chain.grant_malformed'],
    [
      'an issuer this AS has no trust with',
      async () => grant({ iss: 'https://idp.c.example' }),
      'chain.grant_untrusted_issuer',
    ],
    ['a signature by another key', async () => grant({ signer: stranger }), 'chain.grant_invalid'],
    ['an access token (typ at+jwt)', async () => grant({ typ: 'at+jwt' }), 'chain.foreign_token'],
    ['a grant not valid yet', async () => grant({ nbf: NOW + 600 }), 'chain.grant_not_yet_valid'],
  ])('refuses %s', async (_name, make, reason) => {
    const verified = await verifyJwtGrant(await make(), rules())
    expect(verified.ok || verified.error).toMatchObject({ code: 'invalid_grant', reason })
  })
})

describe('one verifier, two profiles', () => {
  const jag = (edit: { aud?: string | string[]; clientId?: string; exp?: number; typ?: string } = {}) =>
    new SignJWT({ client_id: edit.clientId ?? 'ras_agent', scope: 'read:repo' })
      .setProtectedHeader({ alg: 'ES256', typ: edit.typ ?? 'oauth-id-jag+jwt', kid: key.kid })
      .setIssuer(ISSUER)
      .setSubject('u_marwan')
      .setAudience(edit.aud ?? AS)
      .setIssuedAt(NOW)
      .setExpirationTime(edit.exp ?? NOW + 60)
      .setJti(crypto.randomUUID())
      .sign(key.privateKey)
  const jagRules = (off: Reason[] = []) => {
    const log = createCheckLog('idp')
    return {
      log,
      rules: {
        ...rules(),
        profile: ID_JAG_GRANT_PROFILE,
        clientId: 'ras_agent',
        log: withDefencesOff(log, new Set(off)),
      },
    }
  }

  test('records every check it makes, in order, for the profile it verifies', async () => {
    const { log, rules } = jagRules()
    expect((await verifyJwtGrant(await jag(), rules)).ok).toBe(true)
    expect(log.checks.map((check) => [check.label, check.ok])).toEqual([
      ['the ID-JAG is a compact JWS', true],
      ["the ID-JAG's issuer is trusted", true],
      ["the ID-JAG's typ says what it is", true],
      ['the ID-JAG verifies: signature, key and claims', true],
      ["the ID-JAG's aud is this AS's issuer", true],
      ['the ID-JAG has not expired', true],
      ["the ID-JAG's client_id is the authenticated client", true],
      ["the ID-JAG's jti is unused", true],
    ])
  })

  test.each([
    ['a chaining grant (typ JWT)', () => grant(), 'id_jag.typ'],
    ['an ID-JAG for another client', () => jag({ clientId: 'ras_other' }), 'id_jag.client_mismatch'],
    [
      'an ID-JAG naming this AS among others',
      () => jag({ aud: [AS, 'https://as.c.example'] }),
      'id_jag.audience_mismatch',
    ],
    ['an expired ID-JAG', () => jag({ exp: NOW - 60 }), 'id_jag.expired'],
  ])(
    'the ID-JAG profile refuses %s with its own reason, and records the failed check',
    async (_n, make, reason) => {
      const { log, rules } = jagRules()
      const verified = await verifyJwtGrant(await make(), rules)
      expect(verified.ok || verified.error).toMatchObject({ code: 'invalid_grant', reason })
      expect(log.checks.at(-1)).toMatchObject({ ok: false })
    },
  )

  test.each([
    ['id_jag.audience_mismatch', () => jag({ aud: 'https://as.c.example' })],
    ['id_jag.client_mismatch', () => jag({ clientId: 'ras_other' })],
    ['id_jag.expired', () => jag({ exp: NOW - 60 })],
    ['id_jag.typ', () => jag({ typ: 'JWT' })],
  ] as const)('with %s switched off, accepts and records the check as skipped', async (reason, make) => {
    const { log, rules } = jagRules([reason])
    const verified = await verifyJwtGrant(await make(), rules)
    expect(verified.ok).toBe(true)
    expect(log.checks.filter((check) => check.skipped)).toHaveLength(1)
    expect(log.checks.find((check) => check.skipped)?.detail).toContain(reason)
  })

  test('refuses a grant used twice, unless the jti defence is off', async () => {
    const assertion = await jag()
    const on = jagRules()
    expect((await verifyJwtGrant(assertion, on.rules)).ok).toBe(true)
    const again = await verifyJwtGrant(assertion, on.rules)
    expect(again.ok || again.error).toMatchObject({ code: 'invalid_grant', reason: 'id_jag.replayed' })
    const off = jagRules(['id_jag.replayed'])
    off.rules.replay = on.rules.replay
    expect((await verifyJwtGrant(assertion, off.rules)).ok).toBe(true)
    expect(off.log.checks.at(-1)).toMatchObject({ label: "the ID-JAG's jti is unused", skipped: true })
  })

  test('checking a grant does not use it up; spending it does', async () => {
    const { rules: r } = jagRules()
    const assertion = await jag()
    const checked = await checkJwtGrant(assertion, r)
    expect((await checkJwtGrant(assertion, r)).ok).toBe(true)
    expect(checked.ok && (await spendJwtGrant(checked.value, r)).ok).toBe(true)
    const spent = checked.ok ? await spendJwtGrant(checked.value, r) : null
    expect(spent?.ok || spent?.error).toMatchObject({ reason: 'id_jag.replayed' })
  })
})
