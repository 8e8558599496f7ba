// What the service worker downloads when it installs (its precache list, read from the built sw.js), and
// what it keeps apart for the code editor. Shared by the bench and e2e/budgets.spec.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface PrecacheCost {
  /** Paths inside dist/ the service worker installs, the page as `index.html`. */
  files: { file: string; gzipBytes: number }[]
  gzipBytes: number
  /** Paths inside dist/ kept only once an editor is used (Monaco). */
  editor: { file: string; gzipBytes: number }[]
  editorGzipBytes: number
}

/** The precache list the build put at the top of sw.js (build/service-worker-plugin.ts). */
export function readPrecache(distDir: string): { files: string[]; editor: string[] } {
  const first = readFileSync(join(distDir, 'sw.js'), 'utf8').split('\n', 1)[0]!
  const json = /^const __PRECACHE__ = (.*);$/.exec(first)?.[1]
  if (!json) throw new Error('dist/sw.js does not start with its precache list')
  const { files, editor } = JSON.parse(json) as { files: string[]; editor: string[] }
  return { files: files.map(inDist), editor: editor.map(inDist) }
}

/** A precache URL (`./assets/x.js`, `/sub/`, …) as a path inside dist/. */
function inDist(url: string): string {
  const path = url.replace(/^\.?\/?/, '').replace(/^.*?(assets\/)/, '$1')
  return path === '' || path.endsWith('/') ? 'index.html' : path
}

export function precacheCost(distDir: string): PrecacheCost {
  const { files, editor } = readPrecache(distDir)
  const cost = (file: string) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
  })
  const sum = (list: { gzipBytes: number }[]) => list.reduce((total, item) => total + item.gzipBytes, 0)
  const installed = files.map(cost)
  const kept = editor.map(cost)
  return { files: installed, gzipBytes: sum(installed), editor: kept, editorGzipBytes: sum(kept) }
}
