// The resource server's decision as a value: read the request, decide, and every refusal has its failed check.
import { describe, expect, test } from 'vitest'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { publicJwks } from '../keys/key-ring.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import { decideResourceAccess } from './decide-resource-access.ts'
import { readResourceRequest } from './read-resource-request.ts'
import { RS_CHECKS } from './resource-checks.ts'
import {
  bearerRequest,
  claims,
  dpopRequest,
  IDP,
  ISSUES,
  keys,
  mint,
  NOW,
  REPO,
} from './resource-server-fixture.ts'
import { GITHUB_API } from './routes.fixture.ts'

async function decide(request: Request) {
  const checks: Check[] = []
  const record = checkRecorder(createCheckLog('resource-server', checks))
  const read = readResourceRequest(request, GITHUB_API, record)
  if (!read.ok) return { read, decision: null, checks }
  const decision = await decideResourceAccess(read.value, {
    issuer: IDP,
    audience: GITHUB_API.audience,
    idpJwks: publicJwks(keys.idp),
    nowSeconds: NOW,
    replay: createReplayCache(),
    record,
  })
  return { read, decision, checks }
}

describe('decideResourceAccess', () => {
  test('accepts a bound token with a proof from its key, returning the verified claims', async () => {
    const { decision, checks } = await decide(await dpopRequest(await mint(claims())))
    expect(decision).toEqual({ accepted: true, claims: claims() })
    expect(checks.every((check) => check.ok)).toBe(true)
    expect(checks.map((check) => check.label)).toEqual(
      expect.arrayContaining([RS_CHECKS.route.label, RS_CHECKS.binding.label, RS_CHECKS.scope.label]),
    )
  })

  test('refuses a token whose scope lacks the route, keeping the verified claims for the audit', async () => {
    const token = await mint(claims({ scope: 'read:repo' }))
    const { decision, checks } = await decide(await dpopRequest(token, { method: 'POST', url: ISSUES }))
    expect(decision).toMatchObject({
      accepted: false,
      error: { code: 'insufficient_scope', reason: 'token.insufficient_scope' },
      claims: { sub: 'u_marwan' },
    })
    expect(checks.at(-1)).toMatchObject({ label: RS_CHECKS.scope.label, ok: false })
  })

  test('refuses a bound token sent as Bearer with its claims known but no binding', async () => {
    const { decision } = await decide(bearerRequest(await mint(claims())))
    expect(decision).toMatchObject({ accepted: false, error: { reason: 'dpop.bearer_downgrade' } })
  })

  test('refuses a token that does not verify, with no claims trusted', async () => {
    const { decision } = await decide(bearerRequest(await mint(claims({ iss: 'https://evil.example' }))))
    expect(decision).toMatchObject({ accepted: false, error: { reason: 'token.iss' }, claims: null })
  })
})

describe('readResourceRequest records the refusals it makes as failed checks, never checks: []', () => {
  test.each([
    ['no credentials', new Request(REPO), 'request.no_credentials', RS_CHECKS.authorization.label],
    [
      'two access tokens',
      new Request(REPO, { headers: { authorization: 'Bearer a, Bearer b' } }),
      'request.multiple_credentials',
      RS_CHECKS.authorization.label,
    ],
    [
      'an unknown route',
      new Request('https://api.github.com/orgs/acme'),
      'http.not_found',
      RS_CHECKS.route.label,
    ],
  ])('%s', async (_, request, reason, label) => {
    const { read, decision, checks } = await decide(request)
    expect(decision).toBeNull()
    expect(read.ok || read.error.reason).toBe(reason)
    expect(checks.at(-1)).toMatchObject({ label, ok: false })
  })
})
