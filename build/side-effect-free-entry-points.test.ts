import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { isReExportOnly } from './side-effect-free-entry-points.ts'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

describe('isReExportOnly', () => {
  test.each(['src/core/protocol/index.ts', 'src/core/playground/index.ts', 'src/core/playground/engine.ts'])(
    'recognises the entry point %s',
    (path) => expect(isReExportOnly(read(path))).toBe(true),
  )

  test.each([
    ['a module with code', "export { a } from './a.ts'\nconsole.log('loaded')\n"],
    ['an import for its side effects', "import './register.ts'\nexport { a } from './a.ts'\n"],
    ['a local export', 'export const a = 1\n'],
    ['an export of everything', "export * from './a.ts'\n"],
    ['an empty module', '// nothing\n'],
  ])('refuses %s', (_name, source) => expect(isReExportOnly(source)).toBe(false))

  test('ignores comments, type-only re-exports and multi-line lists', () => {
    const source =
      "// Entry.\n/** doc */\nexport type { A } from './a.ts'\nexport {\n  b,\n  type C,\n} from './b.ts'\n"
    expect(isReExportOnly(source)).toBe(true)
  })
})
