import { decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, test } from 'vitest'
import { issueTxnToken } from './issue-txn-token.ts'
import { TXN_TOKEN_TYPE } from './txn-token-format.ts'
import { AGENT, DOMAIN, GATEWAY, NOW, TTS, txnWorld } from './txn-fixture.ts'

const world = await txnWorld()

async function edgeToken() {
  const decision = await issueTxnToken(await world.edgeRequest(), world.tts)
  if (!decision.ok) throw new Error(decision.error.description)
  return decision.value
}

describe('the Transaction Token Service', () => {
  test('exchanges the agent’s access token for a short-lived Txn-Token with the agent in act', async () => {
    const { token } = await edgeToken()
    expect(decodeProtectedHeader(token).typ).toBe('txntoken+jwt')
    const claims = decodeJwt(token)
    expect(claims).toMatchObject({
      iss: TTS,
      aud: DOMAIN,
      sub: 'u_marwan',
      scope: 'orders:write',
      req_wl: GATEWAY,
      tctx: { action: 'BUY', sku: 'book-42', quantity: 1 },
      rctx: { req_ip: '203.0.113.7' },
      act: { sub: AGENT },
    })
    expect(claims.exp).toBe(NOW + 60)
    expect(typeof claims.txn).toBe('string')
  })

  test.each([
    ['an unknown workload', { workload: 'intruder' }, 'invalid_client', 'txn.unknown_workload'],
    ['another trust domain', { audience: 'bank.example' }, 'invalid_target', 'txn.wrong_domain'],
    ['no purpose', { scope: [] }, 'invalid_request', 'txn.scope_missing'],
    ['a scope the access token lacks', { scope: ['orders:refund'] }, 'invalid_scope', 'txn.scope_widened'],
    [
      'another requested token type',
      { requestedTokenType: 'urn:ietf:params:oauth:token-type:jwt' },
      'invalid_request',
      'txn.request_invalid',
    ],
    [
      'a subject token that is no access token',
      { subjectToken: 'a.b.c' },
      'invalid_grant',
      'txn.subject_token_invalid',
    ],
  ])('refuses %s', async (_name, edit, code, reason) => {
    const decision = await issueTxnToken(await world.edgeRequest(edit), world.tts)
    expect(decision.ok || decision.error).toMatchObject({ code, reason })
  })

  describe('replacement', () => {
    const replace = async (edit: Parameters<typeof world.edgeRequest>[0] = {}, nowSeconds = NOW) => {
      const prior = await edgeToken()
      const decision = await issueTxnToken(
        await world.edgeRequest({
          workload: 'orders.shop.example',
          subjectToken: prior.token,
          subjectTokenType: TXN_TOKEN_TYPE,
          requestDetails: null,
          requestContext: null,
          ...edit,
        }),
        { ...world.tts, nowSeconds },
      )
      return { prior, decision }
    }

    test('keeps txn, sub, aud and act, may add to tctx, and appends the requester to req_wl', async () => {
      const { prior, decision } = await replace({ requestDetails: { warehouse: 'north' } })
      expect(decision.ok).toBe(true)
      if (!decision.ok) return
      expect(decision.value.claims).toMatchObject({
        txn: prior.claims.txn,
        sub: prior.claims.sub,
        aud: DOMAIN,
        act: prior.claims.act,
        tctx: { ...prior.claims.tctx, warehouse: 'north' },
        req_wl: `${GATEWAY},orders.shop.example`,
      })
      expect(decision.value.replacement).toBe(true)
    })

    test('refuses to widen the scope', async () => {
      const { decision } = await replace({ scope: ['orders:write', 'orders:read'] })
      expect(decision.ok || decision.error).toMatchObject({
        code: 'invalid_scope',
        reason: 'txn.scope_widened',
      })
    })

    test('refuses to change an asserted tctx value', async () => {
      const { decision } = await replace({ requestDetails: { quantity: 100 } })
      expect(decision.ok || decision.error).toMatchObject({
        code: 'invalid_request',
        reason: 'txn.tctx_tampered',
      })
    })

    test('refuses to replace an expired Txn-Token', async () => {
      const { decision } = await replace({}, NOW + 600)
      expect(decision.ok || decision.error).toMatchObject({ code: 'invalid_grant', reason: 'txn.expired' })
    })
  })
})
