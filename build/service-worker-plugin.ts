// Vite plugin: builds service-worker/service-worker.ts into dist/sw.js, preceded by this build's file list
// and a version that changes whenever any file does, so a new build installs a new service worker.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { transformWithOxc, type Plugin, type ResolvedConfig, type Rollup } from 'vite'
import { editorFiles, type BuiltFile } from './editor-files.ts'

export const SERVICE_WORKER_FILE = 'sw.js'
// The passkey ceremony's libraries: kept apart like the editor, so a visitor who never signs in with a
// passkey never downloads them. reflect-metadata is the polyfill the ceremony loads just before them.
const WEBAUTHN = /[\\/]node_modules[\\/](?:@simplewebauthn|reflect-metadata)[\\/]/
const SOURCE = new URL('../service-worker/service-worker.ts', import.meta.url)

export interface Precache {
  version: string
  /** URL paths of the public files installed with the service worker: the page and all it needs. */
  files: string[]
  /** URL paths of the code editor's files (Monaco): cached once an editor is used, or on an unmetered idle. */
  editor: string[]
  /** URL paths of the passkey ceremony's files (@simplewebauthn, ~87 KiB gzip): cached once a passkey is used. */
  passkey: string[]
  /** What a navigation gets when there is no network: the page. */
  shell: string
}

/**
 * The precache list for these files (path → content): `index.html` is served as the base path itself.
 * With a relative base (`./`, the default) the service worker resolves the list against its own URL.
 * `editor` names the files kept apart (see build/editor-files.ts); the version covers them too.
 */
export function precacheFor(
  files: Map<string, string | Uint8Array>,
  base = '/',
  editor: ReadonlySet<string> = new Set(),
  passkey: ReadonlySet<string> = new Set(),
): Precache {
  const names = [...files.keys()].filter((name) => name !== SERVICE_WORKER_FILE).sort()
  const hash = createHash('sha256')
  for (const name of names) hash.update(name).update('\0').update(files.get(name)!).update('\0')
  const url = (name: string) => (name === 'index.html' ? base : `${base}${name}`)
  return {
    version: hash.digest('hex').slice(0, 16),
    files: names.filter((name) => !editor.has(name) && !passkey.has(name)).map(url),
    editor: names.filter((name) => editor.has(name)).map(url),
    passkey: names.filter((name) => passkey.has(name) && !editor.has(name)).map(url),
    shell: base,
  }
}

/** The bundle as build/editor-files.ts reads it: Vite's metadata lists each chunk's CSS, fonts and workers. */
function builtFiles(bundle: Rollup.OutputBundle): BuiltFile[] {
  return Object.values(bundle).map((output) => {
    if (output.type === 'asset') return { name: output.fileName, references: [] }
    const meta = output.viteMetadata
    return {
      name: output.fileName,
      isEntry: output.isEntry,
      modules: output.moduleIds,
      references: [
        ...output.imports,
        ...output.dynamicImports,
        ...(meta ? [...meta.importedCss, ...meta.importedAssets] : []),
      ],
    }
  })
}

function publicFiles(dir: string): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>()
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else found.set(relative(dir, path).split('\\').join('/'), readFileSync(path))
    }
  }
  try {
    walk(dir)
  } catch {
    // No public directory: nothing to add.
  }
  return found
}

export function precacheServiceWorker(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'tep:precache-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle: {
      // After Vite's HTML plugin has emitted index.html, so the page is in the list too.
      order: 'post',
      async handler(_, bundle) {
        const files = new Map<string, string | Uint8Array>(
          config.publicDir ? publicFiles(config.publicDir) : [],
        )
        for (const [name, output] of Object.entries(bundle))
          files.set(name, output.type === 'chunk' ? output.code : output.source)
        const built = builtFiles(bundle)
        const precache = precacheFor(
          files,
          config.base,
          new Set(editorFiles(built)),
          new Set(editorFiles(built, (id) => WEBAUTHN.test(id))),
        )
        const source = readFileSync(SOURCE, 'utf8')
        const { code } = await transformWithOxc(source, SOURCE.pathname, { lang: 'ts' })
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: `const __PRECACHE__ = ${JSON.stringify(precache)};\n${code}`,
        })
      },
    },
  }
}
