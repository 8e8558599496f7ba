import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'

// src/core is the pure core: it must run unchanged in Node and in the browser,
// so it may not reach into React, Monaco, the UI layer or browser-only globals.
const corePatterns = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'src/core must not import React.',
  },
  {
    group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
    message: 'src/core must not import Monaco.',
  },
  { group: ['**/ui', '**/ui/**'], message: 'src/core must not import from src/ui.' },
]

const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: corePatterns }],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'location',
        'history',
        'indexedDB',
      ].map((name) => ({ name, message: `src/core is runtime-neutral: "${name}" is a browser global.` })),
    ],
  },
}

// The wall between the layers: protocol/ is what any token-exchange tool could reuse, playground/ is this
// playground's scenario, seed, presets, flows and demo issuers. Protocol code never imports playground code.
// Tests and their fixtures too: they drive the protocol with protocol-level fixtures (exchange-case.fixture.ts).
const protocolWall = {
  files: ['src/core/protocol/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...corePatterns,
          {
            group: ['**/playground', '**/playground/**'],
            message: 'src/core/protocol must not import from src/core/playground (the layer wall).',
          },
        ],
      },
    ],
  },
}

// The UI imports the core only through its public entry points (explicit re-exports), never a private
// helper. Each layer's index.ts is what the page uses; the others are what it loads with import() after
// first paint, so they stay apart. Paths are inside src/core/.
const CORE_ENTRY_POINTS = [
  'protocol/index.ts',
  'protocol/signing-keys.ts',
  'playground/index.ts',
  'playground/engine.ts',
  'playground/untrusted-input.ts',
]
const entryPointMessage = `src/ui imports src/core only through its entry points: ${CORE_ENTRY_POINTS.join(', ')}.`
const escape = (path) => path.replaceAll('.', String.raw`\.`)
// A core module that is not an entry point. Selector regexes can't hold a slash, even escaped: \x2F is one.
const privateCoreModule = String.raw`(^|/)core/(?!(${CORE_ENTRY_POINTS.map(escape).join('|')})$)`
const privateInSelector = privateCoreModule.replaceAll('/', String.raw`\x2F`)
const uiEntryPoints = {
  files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: privateCoreModule, message: entryPointMessage }] },
    ],
    // import('…') and typeof import('…') are not import declarations: the same rule for them.
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${privateInSelector}/]`, message: entryPointMessage },
      { selector: `TSImportType[argument.literal.value=/${privateInSelector}/]`, message: entryPointMessage },
    ],
  },
}

export default tseslint.config(
  { ignores: ['dist', 'dist-sandbox', 'node_modules', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  coreBoundary,
  protocolWall,
  uiEntryPoints,
)
