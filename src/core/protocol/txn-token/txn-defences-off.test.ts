import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { issueTxnToken } from './issue-txn-token.ts'
import { TXN_TOKEN_TYPE } from './txn-token-format.ts'
import { DOMAIN, NOW, txnWorld } from './txn-fixture.ts'

const world = await txnWorld()
const edge = async () => {
  const decision = await issueTxnToken(await world.edgeRequest(), world.tts)
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value.token
}
const elsewhere = async () => {
  const decision = await issueTxnToken(await world.edgeRequest({ audience: 'bank.example' }), {
    ...world.tts,
    trustDomain: 'bank.example',
  })
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value.token
}
const call = (handle: (r: Request) => Promise<Response>, headers: Record<string, string>) =>
  handle(new Request('https://orders.internal/orders', { method: 'POST', headers }))

describe('an internal service with one defence switched off', () => {
  const cases: [string, Reason, () => Promise<Record<string, string>>, number, string][] = [
    [
      'a Txn-Token of another trust domain',
      'txn.wrong_domain',
      async () => ({ 'txn-token': await elsewhere() }),
      NOW,
      'invalid_token',
    ],
    [
      'a Txn-Token after it expires',
      'txn.expired',
      async () => ({ 'txn-token': await edge() }),
      NOW + 120,
      'invalid_token',
    ],
    [
      'the external access token forwarded in Authorization',
      'txn.access_token_forwarded',
      async () => ({ authorization: `Bearer ${await world.accessToken()}` }),
      NOW,
      'invalid_token',
    ],
    [
      'the external access token in the Txn-Token header',
      'txn.access_token_forwarded',
      async () => ({ 'txn-token': await world.accessToken() }),
      NOW,
      'invalid_token',
    ],
  ]

  test.each(cases)(
    'refuses %s with it on, recording the failed check',
    async (_name, reason, headers, now, code) => {
      const service = world.service('orders', 'orders:write', now)
      expect((await call(service.handle, await headers())).status).toBe(401)
      expect(service.log[0]!.error).toMatchObject({ code, reason })
      expect(service.checks.filter((check) => !check.ok)).toHaveLength(1)
    },
  )

  test.each(cases)(
    'accepts %s with it off, recording the check as skipped',
    async (_name, reason, headers, now) => {
      const service = world.service('orders', 'orders:write', now, [reason])
      const response = await call(service.handle, await headers())
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ verified: { sub: 'u_marwan' } })
      expect(service.log[0]!.event).toMatchObject({ decision: 'allow', principal: 'u_marwan' })
      const skipped = service.checks.filter((check) => check.skipped)
      expect(skipped).toHaveLength(1)
      expect(skipped[0]!.detail).toContain(`would have refused (${reason})`)
      expect(service.checks.every((check) => check.ok)).toBe(true)
    },
  )

  test('still refuses what another defence stops: a forged signature with the domain defence off', async () => {
    const [header, payload] = (await elsewhere()).split('.')
    const forged = `${header}.${payload}.${(await edge()).split('.')[2]}`
    const service = world.service('orders', 'orders:write', NOW, ['txn.wrong_domain', 'txn.expired'])
    expect((await call(service.handle, { 'txn-token': forged })).status).toBe(401)
    expect(service.log[0]!.error).toMatchObject({ code: 'invalid_token', reason: 'txn.signature_invalid' })
  })

  test('the forwarding defence off still verifies the access token: one signed by someone else is refused', async () => {
    const [header, payload] = (await world.accessToken()).split('.')
    const forged = `${header}.${payload}.${(await edge()).split('.')[2]}`
    const service = world.service('orders', 'orders:write', NOW, ['txn.access_token_forwarded'])
    expect((await call(service.handle, { authorization: `Bearer ${forged}` })).status).toBe(401)
    expect(service.log[0]!.error).toMatchObject({ code: 'invalid_token', reason: 'token.signature' })
  })
})

describe('the TTS with one defence switched off', () => {
  const replace = async (
    edit: { scope?: string[]; requestDetails?: Record<string, unknown> },
    off: Reason[],
  ) =>
    issueTxnToken(
      await world.edgeRequest({
        workload: 'orders.shop.example',
        subjectToken: await edge(),
        subjectTokenType: TXN_TOKEN_TYPE,
        requestContext: null,
        requestDetails: null,
        ...edit,
      }),
      { ...world.tts, defencesOff: new Set(off) },
    )
  const cases: [string, Reason, Parameters<typeof replace>[0], string][] = [
    [
      'widens scope in a replacement',
      'txn.scope_widened',
      { scope: ['orders:write', 'orders:refund'] },
      'invalid_scope',
    ],
    [
      'rewrites tctx in a replacement',
      'txn.tctx_tampered',
      { requestDetails: { quantity: 100 } },
      'invalid_request',
    ],
  ]

  test.each(cases)('refuses a service that %s with it on', async (_name, reason, edit, code) => {
    const decision = await replace(edit, [])
    expect(decision.ok || decision.error).toMatchObject({ code, reason })
  })

  test.each(cases)(
    'issues for a service that %s with it off, the check marked skipped',
    async (_name, reason, edit) => {
      const decision = await replace(edit, [reason])
      expect(decision.ok).toBe(true)
      if (!decision.ok) return
      expect(decision.value.claims.aud).toBe(DOMAIN)
      const skipped = decision.checks.filter((check) => check.skipped)
      expect(skipped).toHaveLength(1)
      expect(skipped[0]!.detail).toContain(`would have refused (${reason})`)
    },
  )

  test('a vulnerable TTS issues what it was asked: the widened scope, the rewritten tctx', async () => {
    const widened = await replace({ scope: ['orders:write', 'orders:refund'] }, ['txn.scope_widened'])
    expect(widened.ok && widened.value.claims.scope).toBe('orders:write orders:refund')
    const rewritten = await replace({ requestDetails: { quantity: 100 } }, ['txn.tctx_tampered'])
    expect(rewritten.ok && rewritten.value.claims.tctx).toMatchObject({ quantity: 100 })
  })
})
