import { describe, expect, test } from 'vitest'
import { createDpopProof } from '../dpop/create-proof.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { accessTokenHash, jwkThumbprint } from '../dpop/thumbprint.ts'
import { createSigningKey, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { API, IDP, NOW, txnWorld } from './txn-fixture.ts'
import { verifyEdgeRequest } from './verify-edge-request.ts'

const GATEWAY_URL = 'https://api.shop.example/orders'
const world = await txnWorld()
const agentKey = await createSigningKey()
const thiefKey = await createSigningKey()

const boundToken = async () =>
  mintDelegatedToken(world.idpKey, {
    issuer: IDP,
    sub: 'u_marwan',
    clientId: 'shopper',
    aud: [API],
    scope: ['orders:write'],
    iat: NOW - 5,
    ttl: 600,
    act: { sub: 'spiffe://agents.example/shopper/v1' },
    jkt: await jwkThumbprint(agentKey.publicJwk),
    amr: undefined,
  })

async function send(scheme: string, token: string, key: SigningKey | null) {
  const headers = new Headers({ authorization: `${scheme} ${token}` })
  if (key)
    headers.set(
      'dpop',
      await createDpopProof(key, {
        htm: 'POST',
        htu: GATEWAY_URL,
        iat: NOW,
        ath: await accessTokenHash(token),
      }),
    )
  const log = createCheckLog('resource-server')
  const result = await verifyEdgeRequest(new Request(GATEWAY_URL, { method: 'POST', headers }), {
    issuer: IDP,
    audience: API,
    jwks: publicJwks(world.idpKey),
    nowSeconds: NOW,
    replay: createReplayCache(),
    log,
  })
  return { result, checks: log.checks }
}

describe("the API gateway's check of the agent's request", () => {
  test('accepts a DPoP-bound token with a proof from its key, and says which key', async () => {
    const { result, checks } = await send('DPoP', await boundToken(), agentKey)
    expect(result.ok && result.value.jkt).toBe(await jwkThumbprint(agentKey.publicJwk))
    expect(checks.every((check) => check.ok)).toBe(true)
  })

  test('accepts an unbound token as Bearer', async () => {
    const { result } = await send('Bearer', await world.accessToken(), null)
    expect(result.ok && result.value.jkt).toBe(null)
  })

  test.each([
    ['a DPoP-bound token sent as Bearer', 'Bearer', agentKey, 'invalid_token', 'dpop.bearer_downgrade'],
    [
      'a proof signed by another key (a stolen token)',
      'DPoP',
      thiefKey,
      'invalid_token',
      'dpop.key_mismatch',
    ],
    ['no proof at all', 'DPoP', null, 'invalid_dpop_proof', 'dpop.missing'],
  ] as const)('refuses %s', async (_name, scheme, key, code, reason) => {
    const { result, checks } = await send(scheme, await boundToken(), key)
    expect(result.ok || result.error).toMatchObject({ code, reason })
    expect(checks.some((check) => !check.ok)).toBe(true)
  })
})
