import { describe, expect, test } from 'vitest'
import { editorFiles, type BuiltFile } from './editor-files.ts'

const MONACO_MODULE = '/app/node_modules/monaco-editor/esm/vs/editor/editor.api.js'

const bundle: BuiltFile[] = [
  {
    name: 'assets/index.js',
    isEntry: true,
    modules: ['/app/src/main.tsx'],
    references: ['assets/index.css', 'assets/panes.js', 'assets/editor.js', 'assets/shared.js'],
  },
  { name: 'assets/index.css', references: [] },
  { name: 'assets/panes.js', modules: ['/app/src/ui/Panes.tsx'], references: ['assets/shared.js'] },
  { name: 'assets/shared.js', modules: ['/app/src/ui/paste-limits.ts'], references: [] },
  {
    name: 'assets/editor.js',
    modules: ['/app/src/ui/editor/CodeEditor.tsx', MONACO_MODULE],
    references: [
      'assets/editor.css',
      'assets/codicon.ttf',
      'assets/editor.worker.js',
      'assets/json-mode.js',
      'assets/shared.js',
    ],
  },
  { name: 'assets/editor.css', references: [] },
  { name: 'assets/codicon.ttf', references: [] },
  { name: 'assets/editor.worker.js', references: [] },
  {
    name: 'assets/json-mode.js',
    modules: [MONACO_MODULE.replace('editor.api', 'json-mode')],
    references: ['assets/editor.js'],
  },
]

describe('the editor files of a build', () => {
  test('are the Monaco chunks and what only they load: CSS, font, workers, language chunks', () => {
    expect(editorFiles(bundle)).toEqual([
      'assets/codicon.ttf',
      'assets/editor.css',
      'assets/editor.js',
      'assets/editor.worker.js',
      'assets/json-mode.js',
    ])
  })

  test('leave with the page a file the page also loads without passing through the editor', () => {
    expect(editorFiles(bundle)).not.toContain('assets/shared.js')
  })

  test('are none in a build without Monaco', () => {
    expect(editorFiles(bundle.filter((file) => !file.modules?.includes(MONACO_MODULE)).slice(0, 4))).toEqual(
      [],
    )
  })
})
