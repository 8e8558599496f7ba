// Runs the README's CI example end to end: generated keys, the example config, Redis, the attack runner's report.
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { startRedisServer, type TestRedis } from './redis/redis-server-fixture.ts'

const run = promisify(execFile)
let redis: TestRedis | undefined
let dir: string | undefined
afterAll(async () => {
  await redis?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

test(
  'examples/sandbox-in-ci.sh runs green with Redis and writes a JUnit report of 11 refused attacks',
  { timeout: 120_000 },
  async () => {
    redis = await startRedisServer()
    dir = await mkdtemp(join(tmpdir(), 'sandbox-ci-'))
    const junit = join(dir, 'attacks.xml')
    const { stdout } = await run('bash', ['examples/sandbox-in-ci.sh'], {
      env: { ...process.env, PORT: String(await freePort()), REDIS_URL: redis.url, JUNIT: junit },
      timeout: 110_000,
    })
    expect(stdout).toContain('every attack refused (11 refused, 0 skipped)')
    expect(await readFile(junit, 'utf8')).toContain('tests="11" failures="0" errors="0" skipped="0"')
  },
)
