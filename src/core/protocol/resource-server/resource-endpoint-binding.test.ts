import { describe, expect, test } from 'vitest'
import { createNonceStore } from '../dpop/nonce-store.ts'
import type { Reason } from '../errors/reasons.ts'
import {
  ALGS,
  bearerRequest,
  type Call,
  claims,
  dpopRequest,
  expectRefusal,
  keys,
  mint,
  quoted,
  server,
} from './resource-server-fixture.ts'

describe('the resource server enforces the DPoP key binding', () => {
  const refusal = (description: string, reason: Reason, error = 'invalid_token') => ({
    status: 401,
    error,
    description,
    reason,
    challenge: `DPoP error="${error}", error_description="${quoted(description)}", ${ALGS}`,
    verified: true,
  })

  test('rejects a stolen token sent with the thief\'s own key: "Invalid DPoP key binding"', async () => {
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await mint(claims()), { key: keys.thiefDpop }))
    await expectRefusal(response, audits, refusal('Invalid DPoP key binding', 'dpop.key_mismatch'))
  })

  test('rejects a DPoP-bound token sent under the Bearer scheme', async () => {
    const { handler, audits } = server()
    const description = 'DPoP-bound access token sent with the "Bearer" scheme'
    await expectRefusal(await handler(bearerRequest(await mint(claims()))), audits, {
      ...refusal(description, 'dpop.bearer_downgrade'),
      challenge: `Bearer error="invalid_token", error_description="${quoted(description)}", DPoP ${ALGS}`,
    })
  })

  test('rejects an unbound token sent under the DPoP scheme', async () => {
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await mint(claims({ cnf: undefined }))))
    await expectRefusal(response, audits, refusal('Access token is not DPoP-bound', 'dpop.token_not_bound'))
  })

  test('rejects a DPoP-bound token sent without any DPoP proof', async () => {
    const { handler, audits } = server()
    const request = await dpopRequest(await mint(claims()))
    request.headers.delete('dpop')
    await expectRefusal(
      await handler(request),
      audits,
      refusal('DPoP proof is missing', 'dpop.missing', 'invalid_dpop_proof'),
    )
  })

  test('rejects a token bound by a confirmation method other than "jkt"', async () => {
    const { handler, audits } = server()
    const token = await mint(claims({ cnf: { 'x5t#S256': 'bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2' } }))
    const response = await handler(await dpopRequest(token))
    expect(response.status).toBe(401)
    expect(audits).toHaveLength(1)
    expect(audits[0]?.[1]).toMatchObject({ code: 'invalid_token', reason: 'dpop.cnf_unsupported' })
  })

  test.each<[string, Call['proof'], string, Reason]>([
    ['without "ath"', { ath: null }, 'DPoP proof "ath" is required with an access token', 'dpop.ath_missing'],
    [
      'whose "ath" hashes another token',
      { ath: 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo' },
      'DPoP proof "ath" does not match the access token',
      'dpop.ath_mismatch',
    ],
    [
      'made for another URL',
      { htu: 'https://api.github.com/repos/marwan/other' },
      'DPoP proof "htu" does not match the request URL',
      'dpop.htu_mismatch',
    ],
    [
      'made for another method',
      { htm: 'POST' },
      'DPoP proof "htm" does not match the request method',
      'dpop.htm_mismatch',
    ],
  ])('rejects a proof %s', async (_name, proof, description, reason) => {
    const { handler, audits } = server()
    const response = await handler(await dpopRequest(await mint(claims()), { proof }))
    await expectRefusal(response, audits, refusal(description, reason, 'invalid_dpop_proof'))
  })

  test('rejects a replayed proof: the same request sent twice is refused the second time', async () => {
    const { handler, audits } = server()
    const request = await dpopRequest(await mint(claims()))
    expect((await handler(request.clone())).status).toBe(200)
    audits.length = 0
    const response = await handler(request)
    await expectRefusal(
      response,
      audits,
      refusal('DPoP proof "jti" has already been used', 'dpop.replayed', 'invalid_dpop_proof'),
    )
  })

  test('asks for a nonce with use_dpop_nonce and DPoP-Nonce, then accepts the retry carrying it (Fig. 24)', async () => {
    const { handler, audits } = server({ dpopNonce: createNonceStore() })
    const token = await mint(claims())
    const first = await handler(await dpopRequest(token))
    const nonce = first.headers.get('dpop-nonce')
    expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/)
    await expectRefusal(first, audits, {
      ...refusal('Resource server requires nonce in DPoP proof', 'dpop.nonce_required', 'use_dpop_nonce'),
      challenge:
        'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
    })
    const retry = await handler(await dpopRequest(token, { proof: { nonce: nonce! } }))
    expect(retry.status).toBe(200)
  })
})
