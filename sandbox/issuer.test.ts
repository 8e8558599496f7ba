import { decodeJwt } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDpopProof } from '../src/core/protocol/dpop/create-proof.ts'
import { createSigningKey } from '../src/core/protocol/keys/key-ring.ts'
import { ENDPOINTS } from './endpoints.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import {
  asLibraryFetch,
  demoTokens,
  exchangeForm,
  exchangeParams,
  exchangeThenCall,
  postForm,
  startTestSandbox,
} from './sandbox-fixture.ts'

const PUBLIC = 'https://sandbox.example.com'
let local: RunningSandbox
let proxied: RunningSandbox
beforeAll(async () => {
  ;[local, proxied] = await Promise.all([startTestSandbox(), startTestSandbox({ issuer: PUBLIC })])
})
afterAll(() => Promise.all([local.close(), proxied.close()]))

describe('the issuer is the URL clients use', () => {
  test('by default it is where the sandbox listens', () => {
    expect(local.issuer).toBe(local.url)
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('with ISSUER behind a TLS proxy, iss, the metadata and DPoP htu all name the public URL', async () => {
    // The proxy: the client speaks to https://sandbox.example.com, the sandbox receives plain HTTP.
    const viaProxy = asLibraryFetch((url, init) => fetch(url.replace(PUBLIC, proxied.url), init))
    const as = await oauth.processDiscoveryResponse(
      new URL(PUBLIC),
      await oauth.discoveryRequest(new URL(PUBLIC), { algorithm: 'oauth2', [oauth.customFetch]: viaProxy }),
    )
    expect(as.token_endpoint).toBe(`${PUBLIC}/token`)
    const client: oauth.Client = { client_id: 'a_code_reviewer' }
    const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'))
    const tokens = await demoTokens(proxied.url)
    const options = { DPoP, [oauth.customFetch]: viaProxy }
    const { issued, called: read } = await exchangeThenCall(
      as,
      client,
      options,
      exchangeParams(tokens.subject, tokens.actor),
      new URL('/api/repos/marwan/playground', PUBLIC),
    )
    expect(decodeJwt(issued.access_token).iss).toBe(PUBLIC)
    expect(read.status).toBe(200)
  })

  test('a proof made for another base URL is refused, naming both URLs', async () => {
    const key = await createSigningKey()
    const otherBase = local.url.replace('127.0.0.1', 'localhost')
    const proof = await createDpopProof(key, {
      htm: 'POST',
      htu: `${otherBase}/token`,
      iat: Math.floor(Date.now() / 1000),
    })
    const { subject, actor } = await demoTokens(local.issuer)
    const response = await postForm(`${local.issuer}/token`, exchangeForm(subject, actor), { dpop: proof })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: 'DPoP proof "htu" does not match the request URL',
    })
  })

  test('every endpoint the banner lists is served', async () => {
    const unrouted = []
    for (const { method, path } of ENDPOINTS) {
      const url = `${local.issuer}${path.replace('{owner}', 'marwan').replace('{repo}', 'playground')}`
      const { status } = await fetch(url, { method })
      if (status === 404 || status === 405) unrouted.push(`${method} ${path}: ${status}`)
    }
    expect(unrouted).toEqual([])
  })
})
