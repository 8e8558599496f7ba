import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { calculateJwkThumbprint, createRemoteJWKSet, decodeJwt, exportJWK, jwtVerify } from 'jose'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  CODE_REVIEWER,
  TOKEN_EXCHANGE_GRANT,
  WORKLOAD_ISSUER,
} from '../src/core/playground/scenario/seed-scenario.ts'
import type { RunningSandbox } from './start-sandbox.ts'
import { demoTokens, exchangeForm, oauthAgent, postForm, startTestSandbox } from './sandbox-fixture.ts'

const CURL = ['/usr/bin/curl', '/usr/local/bin/curl', '/bin/curl'].find((path) => existsSync(path))
const run = promisify(execFile)

let sandbox: RunningSandbox
let issuer: string
beforeAll(async () => {
  sandbox = await startTestSandbox()
  issuer = sandbox.issuer
})
afterAll(() => sandbox.close())

const auditLines = async () =>
  ((await (await fetch(`${issuer}/audit`)).json()) as { lines: { by: string; line: string }[] }).lines

describe('an independent OAuth client library (oauth4webapi) against the sandbox', () => {
  test('discovers the metadata: issuer, token endpoint, JWKS, token exchange, DPoP algorithms, introspection', async () => {
    const { as } = await oauthAgent(issuer)
    expect(as).toMatchObject({
      issuer,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      introspection_endpoint: `${issuer}/introspect`,
      grant_types_supported: [TOKEN_EXCHANGE_GRANT],
      token_endpoint_auth_methods_supported: ['none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic'],
    })
    expect(as.dpop_signing_alg_values_supported).toContain('ES256')
  })

  test('exchanges with its own DPoP proof and gets a token bound to its key, naming the user and the agent', async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const issued = await agent.exchange(exchangeForm(subject, actor))
    expect(issued).toMatchObject({ token_type: 'dpop', expires_in: 600 })
    const { kty, crv, x, y } = await exportJWK(agent.keyPair.publicKey)
    const { payload } = await jwtVerify(
      issued.access_token,
      createRemoteJWKSet(new URL(agent.as.jwks_uri!)),
      {
        issuer,
        audience: 'api.github.com',
        typ: 'at+jwt',
      },
    )
    expect(payload).toMatchObject({
      sub: 'u_marwan',
      client_id: 'a_code_reviewer',
      scope: 'read:repo write:issues',
      act: { sub: CODE_REVIEWER, iss: WORKLOAD_ISSUER, attestation: 'github-oidc' },
      cnf: { jkt: await calculateJwkThumbprint({ kty, crv, x, y }) },
    })
  })

  test('reads the repository and opens an issue with the bound token, and each call writes an audit line', async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const { access_token } = await agent.exchange(exchangeForm(subject, actor))
    const read = await agent.call(access_token, 'GET', '/api/repos/marwan/playground')
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ repository: 'marwan/playground' })
    const opened = await agent.call(access_token, 'POST', '/api/repos/marwan/playground/issues')
    expect(await opened.json()).toMatchObject({ issue: { number: 42, state: 'open' } })

    const jti = String(decodeJwt(access_token).jti)
    const mine = (await auditLines()).filter((entry) => entry.line.includes(`jti=${jti}`))
    expect(mine.map((entry) => entry.by)).toEqual(['idp', 'resource-server', 'resource-server'])
    expect(mine[1]!.line).toContain(`principal=u_marwan acting_as=${CODE_REVIEWER} attestation=github-oidc`)
  })

  test("the actor token verifies against the workload issuer's published keys", async () => {
    const { actor } = await demoTokens(issuer)
    const { payload } = await jwtVerify(actor, createRemoteJWKSet(new URL(`${issuer}/workload/jwks`)), {
      issuer: WORKLOAD_ISSUER,
      audience: issuer,
    })
    expect(payload.sub).toBe(CODE_REVIEWER)
  })

  test('a library refusal arrives as the RFC error: oauth4webapi surfaces invalid_scope', async () => {
    const agent = await oauthAgent(issuer)
    const { subject, actor } = await demoTokens(issuer)
    const refused = await agent
      .exchange(exchangeForm(subject, actor, { scope: 'read:repo admin:org' }))
      .catch((e) => e)
    expect(refused).toBeInstanceOf(oauth.ResponseBodyError)
    expect(refused).toMatchObject({ status: 400, error: 'invalid_scope' })
  })
})

describe('no client library at all', () => {
  test('fetch with a hand-built form body exchanges, and the bearer token reads the repository', async () => {
    const { subject, actor } = await demoTokens(issuer)
    const body = [
      `grant_type=${encodeURIComponent(TOKEN_EXCHANGE_GRANT)}`,
      `subject_token=${subject}`,
      'subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token',
      `actor_token=${actor}`,
      'actor_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt',
      'audience=api.github.com',
      'scope=read%3Arepo',
    ].join('&')
    const response = await postForm(`${issuer}/token`, body)
    const issued = (await response.json()) as { access_token: string; token_type: string }
    expect(response.status).toBe(200)
    expect(issued.token_type).toBe('Bearer')
    const read = await fetch(`${issuer}/api/repos/marwan/playground`, {
      headers: { authorization: `Bearer ${issued.access_token}` },
    })
    expect(read.status).toBe(200)
  })

  test.skipIf(!CURL)('curl exchanges, reads the repository and finds its audit line', async () => {
    const curl = async (...args: string[]) => (await run(CURL!, ['-sS', ...args])).stdout
    const { subject_token } = JSON.parse(
      await curl(
        '-X',
        'POST',
        `${issuer}/demo/subject-token`,
        '-d',
        'sub=u_marwan',
        '-d',
        'scope=read:repo write:issues',
      ),
    ) as { subject_token: string }
    const { actor_token } = JSON.parse(
      await curl(
        '-X',
        'POST',
        `${issuer}/demo/actor-token`,
        '-d',
        `spiffe_id=${CODE_REVIEWER}`,
        '-d',
        'attestation=github-oidc',
      ),
    ) as { actor_token: string }
    const form = exchangeForm(subject_token, actor_token, { scope: 'read:repo' })
    const issued = JSON.parse(
      await curl(
        '-X',
        'POST',
        `${issuer}/token`,
        ...[...form].flatMap(([k, v]) => ['--data-urlencode', `${k}=${v}`]),
      ),
    ) as { access_token: string; token_type: string }
    expect(issued.token_type).toBe('Bearer')
    const read = await curl(
      '-w',
      '\n%{http_code}',
      '-H',
      `Authorization: Bearer ${issued.access_token}`,
      `${issuer}/api/repos/marwan/playground`,
    )
    expect(read.split('\n').at(-1)).toBe('200')
    const jti = String(decodeJwt(issued.access_token).jti)
    const audit = JSON.parse(await curl(`${issuer}/audit`)) as { lines: { by: string; line: string }[] }
    expect(
      audit.lines.find((e) => e.by === 'resource-server' && e.line.includes(`jti=${jti}`))?.line,
    ).toContain('principal=u_marwan')
  })
})
