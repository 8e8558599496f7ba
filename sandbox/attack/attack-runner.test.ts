import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { calculateJwkThumbprint, createLocalJWKSet, EmbeddedJWK, jwtVerify, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { accessTokenHash } from '../../src/core/protocol/dpop/thumbprint.ts'
import { readKeyFile } from '../keys/key-file.ts'
import { startTestSandbox, TEST_ONLY_KEYS } from '../sandbox-fixture.ts'
import type { RunningSandbox } from '../start-sandbox.ts'
import { attackJunit } from './attack-report.ts'
import { exitCodeOf, runAttacks, type AttackRunOptions } from './run-attacks.ts'

type Flaw = 'ignores-cnf-jkt' | 'no-jti-tracking' | 'skips-exp'

let sandbox: RunningSandbox
let options: Omit<AttackRunOptions, 'target'>
const servers: Server[] = []

beforeAll(async () => {
  const keys = await readKeyFile(TEST_ONLY_KEYS)
  if (!keys.ok) throw new Error(keys.error)
  sandbox = await startTestSandbox({ keys: keys.keys })
  options = {
    method: 'GET',
    issuer: sandbox.issuer,
    audience: 'api.github.com',
    scope: 'read:repo',
    idpKey: keys.keys.idp,
  }
})
afterAll(async () => {
  await sandbox.close()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * A resource server someone might write, trusting the sandbox: correct except for one `flaw`.
 * It is deliberately small and separate from the core's resource server.
 */
async function resourceServerWith(flaw: Flaw): Promise<string> {
  const jwks = createLocalJWKSet((await (await fetch(`${sandbox.issuer}/jwks`)).json()) as { keys: JWK[] })
  const seen = new Set<string>()
  const server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request) => {
      const [scheme, token = ''] = (request.headers.get('authorization') ?? '').split(' ')
      let claims
      try {
        const skew = flaw === 'skips-exp' ? 10 * 365 * 24 * 3600 : 0
        claims = (
          await jwtVerify(token, jwks, {
            issuer: sandbox.issuer,
            audience: 'api.github.com',
            typ: 'at+jwt',
            algorithms: ['ES256'],
            clockTolerance: skew,
          })
        ).payload
      } catch {
        return json(401, { error: 'invalid_token' })
      }
      const jkt = (claims.cnf as { jkt?: string } | undefined)?.jkt
      if (jkt && scheme !== 'DPoP') return json(401, { error: 'invalid_token' })
      if (scheme === 'DPoP') {
        try {
          const proof = await jwtVerify(request.headers.get('dpop') ?? '', EmbeddedJWK, {
            typ: 'dpop+jwt',
            algorithms: ['ES256'],
            maxTokenAge: 60,
          })
          const url = new URL(request.url)
          const p = proof.payload
          if (p.htm !== request.method || p.htu !== `${url.origin}${url.pathname}`) throw new Error('htm/htu')
          if (p.ath !== (await accessTokenHash(token))) throw new Error('ath')
          if (flaw !== 'no-jti-tracking') {
            if (seen.has(String(p.jti))) throw new Error('replay')
            seen.add(String(p.jti))
          }
          if (
            flaw !== 'ignores-cnf-jkt' &&
            (await calculateJwkThumbprint(proof.protectedHeader.jwk!)) !== jkt
          )
            return json(401, { error: 'invalid_token' })
        } catch {
          return json(401, { error: 'invalid_dpop_proof' })
        }
      }
      if (
        !String(claims.scope ?? '')
          .split(' ')
          .includes('read:repo')
      )
        return json(403, { error: 'insufficient_scope' })
      return json(200, { ok: true })
    },
  }) as Server
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/resource`
}

describe('the attack runner', () => {
  test("refuses nothing wrongly at the sandbox's own resource server: every attack refused, exit 0", async () => {
    const run = await runAttacks({ ...options, target: `${sandbox.issuer}/api/repos/marwan/playground` })
    if (!run.ok) throw new Error(run.error)
    expect(run.outcomes.map((outcome) => outcome.verdict)).toEqual(Array(11).fill('refused'))
    expect(run.outcomes.find((outcome) => outcome.attack.id === 'lacking-scope')?.answered).toBe(
      '403 insufficient_scope',
    )
    expect(exitCodeOf(run)).toBe(0)
  })

  test.each([
    ['ignores-cnf-jkt', 'thief-key'],
    ['no-jti-tracking', 'replayed-proof'],
    ['skips-exp', 'expired'],
  ] as const)('a server that %s fails exactly the %s attack, exit 1', async (flaw, attackId) => {
    const target = await resourceServerWith(flaw)
    const run = await runAttacks({ ...options, target })
    if (!run.ok) throw new Error(run.error)
    const notRefused = run.outcomes.filter((outcome) => outcome.verdict !== 'refused')
    expect(notRefused.map((outcome) => [outcome.attack.id, outcome.verdict, outcome.answered])).toEqual([
      [attackId, 'ACCEPTED', '200'],
    ])
    expect(exitCodeOf(run)).toBe(1)
    const junit = attackJunit(target, run.outcomes)
    expect(junit).toContain('tests="11" failures="1" errors="0" skipped="0"')
    expect(junit.match(/<failure /g)).toHaveLength(1)
  })

  test('without the keys file, the three attacks that need IdP-signed tokens are skipped, not passed', async () => {
    const { idpKey: _, ...withoutKeys } = options
    const run = await runAttacks({ ...withoutKeys, target: `${sandbox.issuer}/api/repos/marwan/playground` })
    if (!run.ok) throw new Error(run.error)
    expect(run.outcomes.filter((o) => o.verdict === 'skipped').map((o) => o.attack.id)).toEqual([
      'expired',
      'other-audience',
      'lacking-scope',
    ])
  })

  test('an unreachable target or issuer is one clear error, exit 2', async () => {
    const unreachable = await runAttacks({ ...options, target: 'http://127.0.0.1:9/resource' })
    expect(unreachable).toEqual({
      ok: false,
      error: expect.stringMatching(/^the target http:\/\/127\.0\.0\.1:9 is unreachable/),
    })
    expect(exitCodeOf(unreachable)).toBe(2)
    const noIssuer = await runAttacks({
      ...options,
      issuer: 'http://127.0.0.1:9',
      target: 'http://127.0.0.1:9/x',
    })
    expect(noIssuer).toEqual({
      ok: false,
      error: expect.stringMatching(/^the issuer http:\/\/127\.0\.0\.1:9 is unreachable/),
    })
  })
})
