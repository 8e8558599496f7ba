import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startCrossAppSandbox } from './cross-app-fixture.ts'

const run = promisify(execFile)
const TOOLS = ['/usr/bin/curl', '/usr/bin/jq', '/usr/bin/bash'].every((path) => existsSync(path))
const MARKER = '<!-- test: cross-app walkthrough -->'

/** The README's cross-app walkthrough, exactly as written: the sh block after its marker. */
function walkthrough(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const at = readme.indexOf(MARKER)
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))
  if (at < 0 || !block) throw new Error(`README has no sh block after ${MARKER}`)
  return block[1]!
}

let sandbox: Awaited<ReturnType<typeof startCrossAppSandbox>>
beforeAll(async () => {
  sandbox = await startCrossAppSandbox()
})
afterAll(() => sandbox.running.close())

test.skipIf(!TOOLS)(
  'the README cross-app walkthrough runs as written and says what it promises',
  async () => {
    const { stdout } = await run('/usr/bin/bash', ['-euo', 'pipefail', '-c', walkthrough()], {
      env: { ...process.env, B: sandbox.base },
    })
    const [tool, replay, audit] = stdout.trim().split('\n')
    expect(JSON.parse(tool!)).toEqual({
      repository: 'marwan/playground',
      default_branch: 'main',
      visibility: 'private',
      read_for: 'u_marwan',
    })
    expect(JSON.parse(replay!)).toMatchObject({ error: 'invalid_grant' })
    expect(audit).toContain(
      `principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 aud=${sandbox.base}/mcp scope=read:repo ttl=`,
    )
    // The access token lives at most 300 s, and never past the ID-JAG it was minted from: on a busy
    // machine a second may pass between the two mints, so 299 s is as right as 300 s.
    const ttl = Number(/ ttl=(\d+)s/.exec(audit!)?.[1])
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(300)
  },
)
