import { SignJWT, decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { formatAuditLine } from '../audit/format-audit-line.ts'
import { issueTxnToken } from './issue-txn-token.ts'
import { AGENT, DOMAIN, NOW, TTS, txnWorld } from './txn-fixture.ts'

const world = await txnWorld()
const edge = async () => {
  const decision = await issueTxnToken(await world.edgeRequest(), world.tts)
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value.token
}
const call = (handle: (r: Request) => Promise<Response>, headers: Record<string, string>) =>
  handle(new Request('https://orders.internal/orders', { method: 'POST', headers }))

describe('internal services A → B with a Txn-Token', () => {
  test('each verifies the same token and audits the user and the agent', async () => {
    const token = await edge()
    const a = world.service('orders', 'orders:write')
    const b = world.service('payments', 'orders:write')
    for (const service of [a, b]) {
      const response = await call(service.handle, { 'txn-token': token })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ verified: { sub: 'u_marwan', act: { sub: AGENT } } })
      expect(formatAuditLine(service.log[0]!.event)).toContain(`principal=u_marwan acting_as=${AGENT}`)
    }
  })

  const refusals: [string, () => Promise<Record<string, string>>, number, string, string][] = [
    [
      'the external access token forwarded in Authorization',
      async () => ({ authorization: `Bearer ${await world.accessToken()}` }),
      401,
      'invalid_token',
      'txn.access_token_forwarded',
    ],
    [
      'the external access token put in the Txn-Token header',
      async () => ({ 'txn-token': await world.accessToken() }),
      401,
      'invalid_token',
      'txn.access_token_forwarded',
    ],
    ['no token at all', async () => ({}), 401, 'invalid_token', 'txn.token_missing'],
    [
      'two tokens in one header',
      async () => ({ 'txn-token': `${await edge()}, ${await edge()}` }),
      400,
      'invalid_request',
      'txn.request_invalid',
    ],
    [
      'a Txn-Token of another trust domain',
      async () => {
        const bank = { ...world.tts, trustDomain: 'bank.example' }
        const decision = await issueTxnToken(await world.edgeRequest({ audience: 'bank.example' }), bank)
        if (!decision.ok) throw new Error(decision.error.description)
        return { 'txn-token': decision.value.token }
      },
      401,
      'invalid_token',
      'txn.wrong_domain',
    ],
    [
      'a Txn-Token whose tctx was edited after signing',
      async () => {
        const [header, , signature] = (await edge()).split('.')
        const claims = { ...decodeJwt(await edge()), tctx: { action: 'BUY', sku: 'book-42', quantity: 100 } }
        const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
        return { 'txn-token': `${header}.${payload}.${signature}` }
      },
      401,
      'invalid_token',
      'txn.signature_invalid',
    ],
    [
      'a Txn-Token signed by someone else',
      async () => {
        const forged = await new SignJWT({ txn: 'x', scope: 'orders:write', req_wl: 'x' })
          .setProtectedHeader({ alg: 'ES256', typ: 'txntoken+jwt', kid: world.ttsKey.kid })
          .setIssuer(TTS)
          .setAudience(DOMAIN)
          .setSubject('u_marwan')
          .setIssuedAt(NOW)
          .setExpirationTime(NOW + 60)
          .sign(world.idpKey.privateKey)
        return { 'txn-token': forged }
      },
      401,
      'invalid_token',
      'txn.signature_invalid',
    ],
  ]

  test.each(refusals)('refuses %s', async (_name, headers, status, code, reason) => {
    const service = world.service('orders', 'orders:write')
    const response = await call(service.handle, await headers())
    expect(response.status).toBe(status)
    expect(service.log[0]!.error).toMatchObject({ code, reason })
    expect(service.log[0]!.event.decision).toBe('deny')
  })

  test('refuses a Txn-Token after it expires', async () => {
    const token = await edge()
    const service = world.service('orders', 'orders:write', NOW + 120)
    expect((await call(service.handle, { 'txn-token': token })).status).toBe(401)
    expect(service.log[0]!.error).toMatchObject({ code: 'invalid_token', reason: 'txn.expired' })
  })

  test('refuses a purpose the token was not issued for', async () => {
    const service = world.service('refunds', 'orders:refund')
    expect((await call(service.handle, { 'txn-token': await edge() })).status).toBe(403)
    expect(service.log[0]!.error).toMatchObject({
      code: 'insufficient_scope',
      reason: 'txn.scope_insufficient',
    })
  })
})
