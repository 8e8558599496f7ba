import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, jwtVerify } from 'jose'
import { describe, expect, test } from 'vitest'
import { parseAuditLine } from '../protocol/audit/parse-audit-line.ts'
import { editedScenario, FIXED_NOW, testKeys, type ScenarioEdit } from '../protocol/idp/exchange-fixture.ts'
import { formatRawRequest } from '../protocol/http/parse-raw-request.ts'
import { runScenario } from './run-scenario.ts'
import { IDP_ISSUER } from './scenario/seed-scenario.ts'

const clock = () => FIXED_NOW
const run = async (edit?: ScenarioEdit) =>
  runScenario(editedScenario(edit), { keys: await testKeys(), clock })

const SEED_LINE =
  /^2026-05-10T22:13:01\.000Z principal=u_marwan acting_as=spiffe:\/\/prod\/agent\/code-reviewer\/v3 attestation=github-oidc aud=api\.github\.com scope="read:repo write:issues" ttl=600s jti=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the seed scenario, end to end', () => {
  test('mints a token an independent jose check verifies against the IdP JWKS, bound to the DPoP key', async () => {
    const result = await run()
    const keys = await testKeys()
    expect(result.exchangeError).toBeNull()
    expect(result.resourceError).toBeNull()
    const token = result.tokens.delegated!.encoded
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(result.jwks.idp), {
      issuer: IDP_ISSUER,
      audience: 'api.github.com',
      typ: 'at+jwt',
      currentDate: new Date(FIXED_NOW),
    })
    expect(protectedHeader.alg).toBe('ES256')
    expect(payload.sub).toBe('u_marwan')
    const { kty, crv, x, y } = keys.agentDpop.publicJwk
    expect((payload.cnf as { jkt: string }).jkt).toBe(await calculateJwkThumbprint({ kty, crv, x, y }))
    // The proof the agent sent to the resource server carries the same key.
    const proofJwk = result.tokens.resourceRequestProof!.header!.jwk as {
      kty: string
      crv: string
      x: string
      y: string
    }
    expect((payload.cnf as { jkt: string }).jkt).toBe(await calculateJwkThumbprint(proofJwk))
  })

  test('writes the audit line in the seed format, with real values, naming user and agent', async () => {
    const result = await run()
    expect(result.audit!.by).toBe('resource-server')
    expect(result.audit!.line).toMatch(SEED_LINE)
    expect(result.audit!.line.endsWith(`jti=${decodeJwt(result.tokens.delegated!.encoded).jti}`)).toBe(true)
    expect(result.audit!.lineWithoutAct).toMatch(
      /^2026-05-10T22:13:01\.000Z principal=u_marwan aud=api\.github\.com scope="read:repo write:issues" ttl=600s jti=/,
    )
    expect(result.auditTrail.map((entry) => entry.by)).toEqual(['idp', 'resource-server'])
  })

  test('shows the real request the IdP received: a form POST with a DPoP header', async () => {
    const result = await run()
    const [sent] = result.exchange
    expect(sent!.request).toMatchObject({ method: 'POST', url: 'https://idp.lab.marwandiallo.com/token' })
    expect(new Map(sent!.request.headers).get('content-type')).toBe('application/x-www-form-urlencoded')
    const body = new URLSearchParams(sent!.request.body)
    expect(body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:token-exchange')
    expect(body.get('subject_token')).toBe(result.tokens.subject.encoded)
    expect(body.get('actor_token')).toBe(result.tokens.actor!.encoded)
    expect(result.tokens.tokenRequestProof!.payload).toMatchObject({
      htm: 'POST',
      htu: 'https://idp.lab.marwandiallo.com/token',
    })
    expect(sent!.response.status).toBe(200)
  })

  test('records passing checks from both the IdP and the resource server', async () => {
    const { checks } = await run()
    expect(checks.every((check) => check.ok)).toBe(true)
    expect(new Set(checks.map((check) => check.by))).toEqual(new Set(['idp', 'resource-server']))
    expect(checks.map((check) => check.spec).join(' ')).toMatch(/RFC 9449 §4\.3/)
  })

  test('gives every claim of the delegated token a provenance', async () => {
    const { claimSources } = await run()
    expect(claimSources).toMatchObject({
      sub: 'subject-token',
      act: 'actor-token',
      cnf: 'dpop-key',
      scope: 'policy',
      aud: 'policy',
      jti: 'idp',
    })
  })
})

describe('what changes when the scenario changes', () => {
  test('impersonation: no act, and the audit line cannot tell the agent from the user', async () => {
    const result = await run((s) => void (s.request.sendActorToken = false))
    expect(result.tokens.delegated!.payload).not.toHaveProperty('act')
    expect(result.audit!.line).not.toMatch(/acting_as/)
    expect(result.audit!.line).toBe(result.audit!.lineWithoutAct)
  })

  test('an IdP refusal stops before the resource server and leaves a denial line', async () => {
    const result = await run((s) => void (s.request.audiences = ['evil.example.com']))
    expect(result.exchangeError).toMatchObject({
      code: 'invalid_target',
      reason: 'target.audience_not_allowed',
    })
    expect(result.resource).toBeNull()
    expect(result.audit!.by).toBe('idp')
    const parsed = parseAuditLine(result.audit!.line)
    expect(parsed.ok && Object.fromEntries(parsed.value.fields)).toMatchObject({
      decision: 'deny',
      error: 'invalid_target',
      acting_as: 'spiffe://prod/agent/code-reviewer/v3',
    })
  })

  test('tampered claims keep the old signature, and the resource server refuses them', async () => {
    const result = await run(
      (s) => void (s.edits.tamperedClaims = JSON.stringify({ sub: 'u_admin', scope: 'admin:org' })),
    )
    expect(result.exchangeError).toBeNull()
    expect(result.resourceError).toMatchObject({ code: 'invalid_token' })
    expect(result.audit!.line).toMatch(/decision=deny error=invalid_token/)
    expect(result.resource!.response.status).toBe(401)
  })

  test('a clock offset past the actor token lifetime makes the IdP refuse it', async () => {
    const result = await run((s) => void (s.clockOffset = 20 * 60))
    expect(result.exchangeError).toMatchObject({
      code: 'invalid_request',
      description: 'actor_token has expired',
    })
  })

  test('a DPoP nonce challenge is answered with one retry carrying the nonce', async () => {
    const result = await run((s) => void (s.policy.requireDpopNonce = true))
    expect(result.exchange.map((sent) => sent.response.status)).toEqual([400, 200])
    expect(result.tokens.tokenRequestProof!.payload!.nonce).toBe(
      new Map(result.exchange[0]!.response.headers).get('dpop-nonce'),
    )
  })

  test('an edited raw request is processed exactly as typed', async () => {
    const seed = await run()
    const raw = formatRawRequest(seed.exchange[0]!.request).replace(
      'scope=read%3Arepo+write%3Aissues',
      'scope=read%3Arepo',
    )
    const result = await run((s) => void (s.edits.rawTokenRequest = raw))
    // The same proof was already spent in another run's cache, but each run has its own IdP.
    expect(result.exchangeError).toBeNull()
    expect(decodeJwt(result.tokens.delegated!.encoded).scope).toBe('read:repo')
  })

  test('a raw request naming an unregistered client_id is refused as invalid_client, and the check log says so', async () => {
    const seed = await run()
    const raw = formatRawRequest(seed.exchange[0]!.request).replace(
      'client_id=a_code_reviewer',
      'client_id=evil_client',
    )
    expect(raw).toContain('client_id=evil_client')
    const result = await run((s) => void (s.edits.rawTokenRequest = raw))
    expect(result.exchangeError).toMatchObject({
      code: 'invalid_client',
      status: 401,
      reason: 'client.unknown',
    })
    expect(result.tokens.delegated).toBeNull()
    const check = result.checks.find((entry) => entry.label === 'client is registered')
    expect(check).toMatchObject({ ok: false, detail: 'client "evil_client"' })
  })

  test('an edited raw request that is not HTTP is refused without a crash', async () => {
    const result = await run((s) => void (s.edits.rawTokenRequest = '<script>alert(1)</script>'))
    expect(result.exchange).toEqual([])
    expect(result.exchangeError).toMatchObject({
      code: 'invalid_request',
      reason: 'request.unparseable_http',
    })
  })

  test('a bearer run sends Authorization: Bearer and still reaches the resource', async () => {
    const result = await run((s) => void (s.request.dpop = false))
    expect(new Map(result.resource!.request.headers).get('authorization')).toMatch(/^Bearer /)
    expect(result.resourceError).toBeNull()
  })
})

describe('each exchange refusal names the request parameter it is about', () => {
  test.each<[string, ScenarioEdit, string]>([
    ['an audience outside policy', (s) => void (s.request.audiences = ['evil.example.com']), 'audience'],
    [
      'a malformed resource',
      (s) => void ((s.request.audiences = []), (s.request.resources = ['nope'])),
      'resource',
    ],
    ['a scope never granted', (s) => void (s.request.scope = 'delete:repo'), 'scope'],
    ['an expired subject token', (s) => void (s.clockOffset = 2 * 3600), 'subject_token'],
    ['an actor may_act does not name', (s) => void (s.user.mayAct = 'spiffe://prod/other'), 'actor_token'],
    ['an unregistered workload', (s) => void (s.actor.spiffeId = 'spiffe://prod/unknown'), 'client_id'],
    [
      'an unsupported requested_token_type',
      (s) => void (s.request.requestedTokenType = 'urn:ietf:params:oauth:token-type:saml2'),
      'requested_token_type',
    ],
    [
      'a bearer request when policy requires DPoP',
      (s) => void ((s.policy.requireDpop = true), (s.request.dpop = false)),
      'DPoP',
    ],
  ])('%s → %s', async (_name, edit, param) => {
    const result = await run(edit)
    expect(result.exchangeError?.param).toBe(param)
    // The parameter is for pointing at a field; the wire body stays exactly RFC 6749 §5.2's.
    expect(Object.keys(JSON.parse(result.exchange.at(-1)!.response.body))).toEqual([
      'error',
      'error_description',
    ])
  })
})
