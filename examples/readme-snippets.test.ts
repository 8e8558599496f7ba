// Every client snippet in the README is run by a test: the curl session as written, and the oauth4webapi
// example, which must also be quoted in the README character for character.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestSandbox } from '../sandbox/sandbox-fixture.ts'
import type { RunningSandbox } from '../sandbox/start-sandbox.ts'

const run = promisify(execFile)
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const EXAMPLE_PATH = new URL('oauth4webapi-dpop.ts', import.meta.url).pathname
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname
/** The base URL the curl session names; the test points it at its own sandbox. */
const DOCUMENTED_BASE = 'B=http://127.0.0.1:8693'

/** The fenced code blocks of one README section, with their language. */
function codeBlocks(section: string): { lang: string; code: string }[] {
  const start = README.indexOf(`\n## ${section}\n`)
  expect(start, `README section "${section}"`).toBeGreaterThan(-1)
  const end = README.indexOf('\n## ', start + 1)
  const text = README.slice(start, end === -1 ? undefined : end)
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }))
}

/**
 * The outputs the session documents: `# …` lines right below a command (a comment after a blank line is a
 * heading), as one pattern in order, `…` standing for anything on that line.
 */
function documentedOutputs(script: string): RegExp {
  const outputs: string[] = []
  let belowCommand = false
  for (const line of script.split('\n')) {
    if (line.startsWith('# ') && belowCommand) outputs.push(line.slice(2))
    else belowCommand = line.trim() !== '' && !line.startsWith('#')
  }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = outputs.map((out) => out.split('…').map(escape).join('[^\\n]*?')).join('[\\s\\S]*?')
  return new RegExp(pattern)
}

const SECTION = 'Use it from your own client'
let sandbox: RunningSandbox

beforeAll(async () => {
  // The README's introspection call uses the sandbox's default secret.
  sandbox = await startTestSandbox({ introspectionSecret: 'sandbox-introspection-secret' })
})
afterAll(() => sandbox.close())

describe(`the README's "${SECTION}" snippets`, () => {
  test('are one curl session and the oauth4webapi example, nothing untested', () => {
    expect(codeBlocks(SECTION).map((block) => block.lang)).toEqual(['sh', 'ts'])
  })

  test('the curl session runs as written and prints every documented output', async () => {
    const [session] = codeBlocks(SECTION)
    expect(session!.code.split('\n')[0]).toBe(DOCUMENTED_BASE)
    const script = session!.code.replace(DOCUMENTED_BASE, `B=${sandbox.url}`)
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script])
    const expected = documentedOutputs(session!.code)
    // Six documented outputs: the repository, the refusal, the introspection, three audit lines.
    expect(expected.source.split('[\\s\\S]*?')).toHaveLength(6)
    expect(stdout).toMatch(expected)
  })

  test('the oauth4webapi block is examples/oauth4webapi-dpop.ts, character for character', () => {
    expect(codeBlocks(SECTION)[1]!.code).toBe(readFileSync(EXAMPLE_PATH, 'utf8'))
  })

  test('examples/oauth4webapi-dpop.ts exchanges with DPoP and reads the repository', async () => {
    const { stdout } = await run(TSX, [EXAMPLE_PATH], { env: { ...process.env, SANDBOX_URL: sandbox.url } })
    expect(stdout).toContain('token_type: dpop')
    expect(stdout).toContain(
      'GET /api/repos/marwan/playground: 200 {"repository":"marwan/playground","default_branch":"main","visibility":"private"}',
    )
  })
})
