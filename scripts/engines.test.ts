// The Node versions the project claims are the ones its build tool runs on, and the README says so.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

const json = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { engines: { node: string } }

test('package.json engines names the Node versions Vite supports, and the README states them', () => {
  const ours = json('../package.json').engines.node
  expect(ours).toBe(json('../node_modules/vite/package.json').engines.node)
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  for (const range of ours.split(' || ')) expect(readme).toContain(`\`${range}\``)
})
