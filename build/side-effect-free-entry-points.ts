// Vite plugin: tells the bundler that a core module made only of re-exports (a public entry point such as
// src/core/playground/index.ts) runs nothing itself, as a package's `"sideEffects": false` would.
import type { Plugin } from 'vite'

const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g
/** `export { a, type B } from './x.ts'` or `export type { C } from './y.ts'`, nothing else, repeated. */
const ONLY_RE_EXPORTS = /^(?:\s*export\s+(?:type\s+)?\{[^}]*\}\s*from\s*'[^']+'\s*;?)+\s*$/

/** Whether a module's source is re-exports and comments only. */
export const isReExportOnly = (source: string): boolean => ONLY_RE_EXPORTS.test(source.replace(COMMENTS, ''))

/**
 * Without this, an entry point imported by both the first-paint chunk and a lazily loaded one pulls every
 * module it re-exports into first paint, because importing it would run them all. Marked side-effect-free,
 * an import through it binds straight to the module that defines the name, and each module lands in the
 * chunk of whoever uses it. Only the entry points are marked: every other module keeps the default.
 */
export function sideEffectFreeEntryPoints(): Plugin {
  return {
    name: 'tep:side-effect-free-entry-points',
    // Before the TypeScript transform, so the check reads the source as written.
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/core\/[^?]*\.ts$/.test(id) || !isReExportOnly(code)) return null
      return { code, map: null, moduleSideEffects: false }
    },
  }
}
