// Vite plugin: builds service-worker/service-worker.ts into dist/sw.js, preceded by this build's file list
// and a version that changes whenever any file does, so a new build installs a new service worker.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite'

export const SERVICE_WORKER_FILE = 'sw.js'
const SOURCE = new URL('../service-worker/service-worker.ts', import.meta.url)

export interface Precache {
  version: string
  /** URL paths of every public file of the build, the page included. */
  files: string[]
  /** What a navigation gets when there is no network: the page. */
  shell: string
}

/**
 * The precache list for these files (path → content): `index.html` is served as the base path itself.
 * With a relative base (`./`, the default) the service worker resolves the list against its own URL.
 */
export function precacheFor(files: Map<string, string | Uint8Array>, base = '/'): Precache {
  const names = [...files.keys()].filter((name) => name !== SERVICE_WORKER_FILE).sort()
  const hash = createHash('sha256')
  for (const name of names) hash.update(name).update('\0').update(files.get(name)!).update('\0')
  return {
    version: hash.digest('hex').slice(0, 16),
    files: names.map((name) => (name === 'index.html' ? base : `${base}${name}`)),
    shell: base,
  }
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
        const precache = precacheFor(files, config.base)
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
