import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, jwtVerify } from 'jose'
import { describe, expect, test } from 'vitest'
import { parseAuditLine } from '../protocol/audit/parse-audit-line.ts'
import { editedScenario, FIXED_NOW, testKeys, type ScenarioEdit } from './edited-scenario.fixture.ts'
import { formatRawRequest } from '../protocol/http/parse-raw-request.ts'
import { runScenario } from './run-scenario.ts'
import type { Run } from './run.ts'
import { auditTrail, decisiveAudit, httpStepsTo, refusalBy, runChecks } from './run-views.ts'
import { IDP_ISSUER } from './scenario/seed-scenario.ts'

const clock = () => FIXED_NOW
const exchanges = (run: Run) => httpStepsTo(run, 'idp').map((step) => step.http)
const resourceCall = (run: Run) => httpStepsTo(run, 'resource-server').at(-1)?.http ?? null
const run = async (edit?: ScenarioEdit) =>
  runScenario(editedScenario(edit), { keys: await testKeys(), clock })

const SEED_LINE =
  /^2026-05-10T22:13:01\.000Z principal=u_marwan acting_as=spiffe:\/\/prod\/agent\/code-reviewer\/v3 attestation=github-oidc aud=api\.github\.com scope="read:repo write:issues" ttl=600s jti=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the seed scenario, end to end', () => {
  test('mints a token an independent jose check verifies against the IdP JWKS, bound to the DPoP key', async () => {
    const result = await run()
    const keys = await testKeys()
    expect(refusalBy(result, 'idp')).toBeNull()
    expect(refusalBy(result, 'resource-server')).toBeNull()
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
    expect(decisiveAudit(result)!.by).toBe('resource-server')
    expect(decisiveAudit(result)!.line).toMatch(SEED_LINE)
    expect(
      decisiveAudit(result)!.line.endsWith(`jti=${decodeJwt(result.tokens.delegated!.encoded).jti}`),
    ).toBe(true)
    expect(decisiveAudit(result)!.lineWithoutAct).toMatch(
      /^2026-05-10T22:13:01\.000Z principal=u_marwan aud=api\.github\.com scope="read:repo write:issues" ttl=600s jti=/,
    )
    expect(auditTrail(result).map((entry) => entry.by)).toEqual(['idp', 'resource-server'])
  })

  test('shows the real request the IdP received: a form POST with a DPoP header', async () => {
    const result = await run()
    const [sent] = exchanges(result)
    expect(sent!.request).toMatchObject({ method: 'POST', url: 'https://idp.lab.marwandiallo.com/token' })
    expect(new Map(sent!.request.headers).get('content-type')).toBe('application/x-www-form-urlencoded')
    const body = new URLSearchParams(sent!.request.body)
    expect(body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:token-exchange')
    expect(body.get('subject_token')).toBe(result.tokens.subject!.encoded)
    expect(body.get('actor_token')).toBe(result.tokens.actor!.encoded)
    expect(result.tokens.tokenRequestProof!.payload).toMatchObject({
      htm: 'POST',
      htu: 'https://idp.lab.marwandiallo.com/token',
    })
    expect(sent!.response.status).toBe(200)
  })

  test('records passing checks from both the IdP and the resource server', async () => {
    const checks = runChecks(await run())
    expect(checks.every((check) => check.ok)).toBe(true)
    expect(new Set(checks.map((check) => check.by))).toEqual(new Set(['idp', 'resource-server']))
    expect(checks.map((check) => check.spec).join(' ')).toMatch(/RFC 9449 §4\.3/)
  })

  test('gives every claim of the delegated token a provenance', async () => {
    const { provenance } = await run()
    expect(provenance).toMatchObject({
      sub: 'subject-token',
      act: 'actor-token',
      cnf: 'dpop-key',
      scope: 'policy',
      aud: 'policy',
      jti: 'idp',
    })
  })
})

describe('the seed as parties and steps', () => {
  test('the seed produces its steps: two local issues, the exchange, the resource call', async () => {
    const result = await run()
    expect(result.flow).toBe('delegation')
    expect(result.parties.map((party) => party.kind)).toEqual([
      'user',
      'agent',
      'workload-issuer',
      'idp',
      'resource-server',
      'audit-log',
    ])
    expect(result.parties.find((party) => party.id === 'agent')?.detail).toBe(
      'spiffe://prod/agent/code-reviewer/v3',
    )
    expect(
      result.steps.map((step) => [
        step.index,
        step.kind,
        step.from,
        step.to,
        step.label,
        step.decision.accepted,
      ]),
    ).toEqual([
      [0, 'local', 'idp', 'user', "Issue the user's subject token", true],
      [1, 'local', 'workload-issuer', 'agent', "Issue the agent's actor token", true],
      [2, 'http', 'agent', 'idp', 'POST /token', true],
      [3, 'http', 'agent', 'resource-server', 'GET /repos/marwan/playground', true],
    ])
    expect(result.outcome).toEqual({ kind: 'accepted' })
  })

  test('each step carries the checks and the audit line of the server that handled it', async () => {
    const result = await run()
    const [, , exchange, call] = result.steps
    expect(exchange!.checks.length).toBeGreaterThan(0)
    expect(exchange!.checks.every((check) => check.by === 'idp')).toBe(true)
    expect(call!.checks.every((check) => check.by === 'resource-server')).toBe(true)
    expect(exchange!.audit.map((entry) => entry.by)).toEqual(['idp'])
    expect(call!.audit.map((entry) => entry.by)).toEqual(['resource-server'])
    expect(call!.audit[0]!.line).toMatch(SEED_LINE)
  })

  test('a refusal at the IdP is the outcome, at the exchange step, and no resource call follows', async () => {
    const result = await run((s) => void (s.request.scope = 'delete:repo'))
    expect(result.outcome).toMatchObject({ kind: 'refused', step: 2, error: { code: 'invalid_scope' } })
    expect(result.steps).toHaveLength(3)
  })

  test('a nonce retry is its own step, and the challenge it answered does not decide the outcome', async () => {
    const result = await run((s) => void (s.policy.requireDpopNonce = true))
    expect(result.steps.slice(2).map((step) => [step.to, step.decision.accepted])).toEqual([
      ['idp', false],
      ['idp', true],
      ['resource-server', true],
    ])
    expect(result.outcome).toEqual({ kind: 'accepted' })
  })

  test('a claim the exchange left as granted comes from the subject token; a narrowed one from policy', async () => {
    const narrowed = await run()
    expect(narrowed.provenance.scope).toBe('policy')
    const whole = await run((s) => void (s.user.grantedScopes = ['read:repo', 'write:issues']))
    expect(whole.provenance.scope).toBe('subject-token')
  })
})

describe('what changes when the scenario changes', () => {
  test('impersonation: no act, and the audit line cannot tell the agent from the user', async () => {
    const result = await run((s) => void (s.request.sendActorToken = false))
    expect(result.tokens.delegated!.payload).not.toHaveProperty('act')
    expect(decisiveAudit(result)!.line).not.toMatch(/acting_as/)
    expect(decisiveAudit(result)!.line).toBe(decisiveAudit(result)!.lineWithoutAct)
  })

  test('an IdP refusal stops before the resource server and leaves a denial line', async () => {
    const result = await run((s) => void (s.request.audiences = ['evil.example.com']))
    expect(refusalBy(result, 'idp')).toMatchObject({
      code: 'invalid_target',
      reason: 'target.audience_not_allowed',
    })
    expect(resourceCall(result)).toBeNull()
    expect(decisiveAudit(result)!.by).toBe('idp')
    const parsed = parseAuditLine(decisiveAudit(result)!.line)
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
    expect(refusalBy(result, 'idp')).toBeNull()
    expect(refusalBy(result, 'resource-server')).toMatchObject({ code: 'invalid_token' })
    expect(decisiveAudit(result)!.line).toMatch(/decision=deny error=invalid_token/)
    expect(resourceCall(result)!.response.status).toBe(401)
  })

  test('a clock offset past the actor token lifetime makes the IdP refuse it', async () => {
    const result = await run((s) => void (s.clockOffset = 20 * 60))
    expect(refusalBy(result, 'idp')).toMatchObject({
      code: 'invalid_request',
      description: 'actor_token has expired',
    })
  })

  test('a DPoP nonce challenge is answered with one retry carrying the nonce', async () => {
    const result = await run((s) => void (s.policy.requireDpopNonce = true))
    expect(exchanges(result).map((sent) => sent.response.status)).toEqual([400, 200])
    expect(result.tokens.tokenRequestProof!.payload!.nonce).toBe(
      new Map(exchanges(result)[0]!.response.headers).get('dpop-nonce'),
    )
  })

  test('an edited raw request is processed exactly as typed', async () => {
    const seed = await run()
    const raw = formatRawRequest(exchanges(seed)[0]!.request).replace(
      'scope=read%3Arepo+write%3Aissues',
      'scope=read%3Arepo',
    )
    const result = await run((s) => void (s.edits.rawTokenRequest = raw))
    // The same proof was already spent in another run's cache, but each run has its own IdP.
    expect(refusalBy(result, 'idp')).toBeNull()
    expect(decodeJwt(result.tokens.delegated!.encoded).scope).toBe('read:repo')
  })

  test('a raw request naming an unregistered client_id is refused as invalid_client, and the check log says so', async () => {
    const seed = await run()
    const raw = formatRawRequest(exchanges(seed)[0]!.request).replace(
      'client_id=a_code_reviewer',
      'client_id=evil_client',
    )
    expect(raw).toContain('client_id=evil_client')
    const result = await run((s) => void (s.edits.rawTokenRequest = raw))
    expect(refusalBy(result, 'idp')).toMatchObject({
      code: 'invalid_client',
      status: 401,
      reason: 'client.unknown',
    })
    expect(result.tokens.delegated).toBeUndefined()
    const check = runChecks(result).find((entry) => entry.label === 'client is registered')
    expect(check).toMatchObject({ ok: false, detail: 'client "evil_client"' })
  })

  test('an edited raw request that is not HTTP is not sent, and nothing says the IdP refused', async () => {
    const result = await run((s) => void (s.edits.rawTokenRequest = '<script>alert(1)</script>'))
    expect(exchanges(result)).toEqual([])
    expect(result.outcome).toMatchObject({
      kind: 'not-sent',
      error: { code: 'invalid_request', reason: 'request.unparseable_http' },
    })
    expect(refusalBy(result, 'idp')).toBeNull()
  })

  test('a bearer run sends Authorization: Bearer and still reaches the resource', async () => {
    const result = await run((s) => void (s.request.dpop = false))
    expect(new Map(resourceCall(result)!.request.headers).get('authorization')).toMatch(/^Bearer /)
    expect(refusalBy(result, 'resource-server')).toBeNull()
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
    expect(refusalBy(result, 'idp')?.param).toBe(param)
    // The parameter is for pointing at a field; the wire body stays exactly RFC 6749 §5.2's.
    expect(Object.keys(JSON.parse(exchanges(result).at(-1)!.response.body))).toEqual([
      'error',
      'error_description',
    ])
  })
})
