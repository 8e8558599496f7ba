import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoTokens, exchangeForm, postForm, startTestSandbox, TEST_ONLY_KEYS } from '../sandbox-fixture.ts'
import { readKeyFile, writeKeyFile } from './key-file.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-keys-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('keys that survive a restart', () => {
  test('--generate-keys writes a private JWKS with mode 0600, and never overwrites one', async () => {
    const path = join(dir, 'keys.json')
    await writeKeyFile(path)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    await expect(writeKeyFile(path)).rejects.toMatchObject({ code: 'EEXIST' })
    const read = await readKeyFile(path)
    expect(read).toMatchObject({ ok: true, warnings: [] })
  })

  test('imported private keys are non-extractable CryptoKeys', async () => {
    const read = await readKeyFile(TEST_ONLY_KEYS)
    if (!read.ok) throw new Error(read.error)
    for (const key of [read.keys.idp, read.keys.workload]) {
      expect(key.privateKey.extractable).toBe(false)
      await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow()
    }
  })

  test('warns when the file is readable by its group or others', async () => {
    const path = join(dir, 'open.json')
    await writeKeyFile(path)
    await chmod(path, 0o644)
    const read = await readKeyFile(path)
    expect(read.ok && read.warnings).toEqual([
      expect.stringContaining('readable by its group or others (mode 644)'),
    ])
  })

  test.each([
    ['a missing file', 'missing.json', null, /cannot read the keys file .*missing\.json: ENOENT/],
    ['a file that is not JSON', 'junk.json', 'not json', /is not JSON/],
    [
      'a public JWKS',
      'public.json',
      '{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA","role":"idp"}]}',
      /keys\[0\]\.d: /,
    ],
    ['a file without the workload key', 'half.json', null, /has no key with "role": "workload"/],
  ])('refuses %s in one line', async (_, name, content, message) => {
    const path = join(dir, name)
    if (content !== null) await writeFile(path, content, { mode: 0o600 })
    if (name === 'half.json') {
      await writeKeyFile(path)
      const file = JSON.parse(await readFile(path, 'utf8')) as { keys: Array<{ role: string }> }
      await writeFile(path, JSON.stringify({ keys: file.keys.filter((key) => key.role === 'idp') }))
    }
    const read = await readKeyFile(path)
    expect(read.ok).toBe(false)
    if (!read.ok) {
      expect(read.error).toMatch(message)
      expect(read.error).not.toContain('\n')
    }
  })

  test('a token minted by one instance verifies at a second started with the same keys file', async () => {
    const issuer = 'http://sandbox.test:8693'
    const load = async () => {
      const read = await readKeyFile(TEST_ONLY_KEYS)
      if (!read.ok) throw new Error(read.error)
      return read.keys
    }
    const first = await startTestSandbox({ issuer, keys: await load() })
    let token: string
    try {
      const tokens = await demoTokens(first.url)
      const issued = await postForm(`${first.url}/token`, exchangeForm(tokens.subject, tokens.actor))
      token = ((await issued.json()) as { access_token: string }).access_token
    } finally {
      await first.close()
    }
    const second = await startTestSandbox({ issuer, keys: await load() })
    const fresh = await startTestSandbox({ issuer })
    try {
      const call = (url: string) =>
        fetch(`${url}/api/repos/marwan/playground`, { headers: { authorization: `Bearer ${token}` } })
      expect((await call(second.url)).status).toBe(200)
      // Without the file, keys are fresh: the same token no longer verifies.
      const refused = await call(fresh.url)
      expect(refused.status).toBe(401)
      expect(((await refused.json()) as { error: string }).error).toBe('invalid_token')
    } finally {
      await Promise.all([second.close(), fresh.close()])
    }
  })
})
