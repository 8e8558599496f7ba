// Txn-Token refusals the main tables leave out, each asserted by its error code and reason id.
import { SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { publicJwks } from '../keys/key-ring.ts'
import { issueTxnToken } from './issue-txn-token.ts'
import { jsonObject } from './tts-endpoint.ts'
import { verifyTxnToken } from './verify-txn-token.ts'
import { API, DOMAIN, IDP, NOW, TTS, txnWorld } from './txn-fixture.ts'

const world = await txnWorld()

describe('the Transaction Token Service refuses', () => {
  test('an access token with no "scope", since the Txn-Token scope could not be bounded (§13.14)', async () => {
    const scopeless = await new SignJWT({ client_id: 'shopper' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: world.idpKey.kid })
      .setIssuer(IDP)
      .setSubject('u_marwan')
      .setAudience(API)
      .setIssuedAt(NOW - 5)
      .setExpirationTime(NOW + 600)
      .setJti(crypto.randomUUID())
      .sign(world.idpKey.privateKey)
    const decision = await issueTxnToken(await world.edgeRequest({ subjectToken: scopeless }), world.tts)
    expect(decision.ok || decision.error).toMatchObject({
      code: 'invalid_request',
      reason: 'txn.unknown_subject_scope',
    })
  })

  test.each(['request_context', 'request_details'])('a "%s" that is not a JSON object', (name) => {
    for (const value of ['[1,2]', 'not json', '"text"']) {
      const read = jsonObject({ [name]: value }, name)
      expect(read.ok || read.error).toMatchObject({
        code: 'invalid_request',
        reason: 'txn.context_invalid',
        param: name,
      })
    }
  })
})

describe('a service verifying a Txn-Token refuses', () => {
  test('a token signed by the TTS that is not typed as a Txn-Token', async () => {
    const untyped = await new SignJWT({ txn: 't-1', scope: 'orders:write', req_wl: 'gateway.shop.example' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: world.ttsKey.kid })
      .setIssuer(TTS)
      .setSubject('u_marwan')
      .setAudience(DOMAIN)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 60)
      .sign(world.ttsKey.privateKey)
    const verified = await verifyTxnToken(untyped, {
      issuer: TTS,
      trustDomain: DOMAIN,
      jwks: publicJwks(world.ttsKey),
      nowSeconds: NOW,
    })
    expect(verified.ok || verified.error).toMatchObject({
      code: 'invalid_token',
      status: 401,
      reason: 'txn.token_invalid',
    })
  })
})
