// The package as a user gets it: npm pack, installed into a fresh project, its CLI and its library entry.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'

const run = promisify(execFile)
let dir: string | undefined
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined))

test(
  'npm pack gives a tarball that installs, runs its CLI and starts from its library entry',
  { timeout: 120_000 },
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-pack-'))
    // prepack builds dist-sandbox/ with esbuild; the tarball holds the built JavaScript, no TypeScript.
    await run('npm', ['pack', '--pack-destination', dir], { cwd: process.cwd() })
    const tarball = (await readdir(dir)).find((name) => name.endsWith('.tgz'))
    expect(tarball).toBeDefined()

    const project = join(dir, 'consumer')
    await run('mkdir', [project])
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    )
    await run('npm', ['install', '--no-audit', '--no-fund', join(dir, tarball!)], { cwd: project })

    const help = await run('npx', ['token-exchange-sandbox', '--help'], { cwd: project })
    expect(help.stdout).toMatch(/^Usage: token-exchange-sandbox/)

    const script = `
    import { startSandbox } from 'token-exchange-playground/sandbox'
    const sandbox = await startSandbox()
    const subject = await sandbox.mintSubjectToken({ sub: 'u_marwan', scope: 'read:repo' })
    const metadata = await (await fetch(sandbox.issuer + '/.well-known/oauth-authorization-server')).json()
    console.log(JSON.stringify({ issuer: metadata.issuer === sandbox.issuer, jwt: subject.split('.').length }))
    await sandbox.stop()
  `
    await writeFile(join(project, 'start.mjs'), script)
    const started = await run('node', ['start.mjs'], { cwd: project })
    expect(JSON.parse(started.stdout)).toEqual({ issuer: true, jwt: 3 })
  },
)
