// The command line's promise: a bad setting is one clear line and a non-zero exit, and nothing starts listening.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Runs a script with tsx and returns its exit code and output, whatever the code. */
async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', script, ...args], {
      env: { ...process.env, PORT: '0', ...env },
      timeout: 30_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const stderrLines = (stderr: string) => stderr.trim().split('\n').filter(Boolean)

describe('the sandbox and attack CLIs refuse bad settings before starting', { timeout: 30_000 }, () => {
  test('a malformed config: one line per bad field, exit 2, nothing listening', async () => {
    const path = join(dir, 'bad.json')
    await writeFile(path, JSON.stringify({ agents: 'none', delegation: { maxTtlSeconds: 'long' } }))
    const result = await cli('sandbox/main.ts', ['--config', path])
    expect(result.code).toBe(2)
    expect(result.stdout).not.toContain('listening')
    expect(stderrLines(result.stderr)).toContain(
      `sandbox: ${path}: agents: Invalid input: expected array, received string`,
    )
    expect(stderrLines(result.stderr)).toContain(
      `sandbox: ${path}: delegation.maxTtlSeconds: Invalid input: expected number, received string`,
    )
  })

  test('an unreadable keys file: one line, exit 2, nothing listening', async () => {
    const result = await cli('sandbox/main.ts', [], { SANDBOX_KEYS: join(dir, 'missing.json') })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(stderrLines(result.stderr)).toEqual([
      `sandbox: cannot read the keys file ${join(dir, 'missing.json')}: ENOENT`,
    ])
  })

  test('an unreachable Redis: one line, exit 2, nothing listening', async () => {
    const result = await cli('sandbox/main.ts', [], { REDIS_URL: 'redis://127.0.0.1:9' })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(/^sandbox: cannot reach Redis at redis:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/),
    ])
  })

  test('an unreachable target: one line, exit 2', async () => {
    const result = await cli('sandbox/attack/main.ts', [
      '--target',
      'http://127.0.0.1:9/x',
      '--issuer',
      'http://127.0.0.1:9',
    ])
    expect(result.code).toBe(2)
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(/^attack: the issuer http:\/\/127\.0\.0\.1:9 is unreachable/),
    ])
  })
})
