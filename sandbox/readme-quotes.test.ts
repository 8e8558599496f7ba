import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

/** Every `<!-- quote: path -->` in the README, with the code block that follows it. */
function quotes(readme: string): Array<{ path: string; block: string }> {
  const found = [...readme.matchAll(/<!-- quote: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)]
  return found.map(([, path, block]) => ({ path: path!, block: block! }))
}

test('the README quotes each example file exactly as it is in the repository', () => {
  const found = quotes(readFileSync('README.md', 'utf8'))
  expect(found.map(({ path }) => path)).toEqual([
    'examples/sandbox-in-ci.sh',
    'examples/agent-under-test.test.ts',
  ])
  for (const { path, block } of found) expect(block, path).toBe(readFileSync(path, 'utf8'))
})
