// What the built app loads before first paint, in gzip bytes, and whether any Monaco code is in it.
// Shared by the bench (which prints it) and e2e/budgets.spec.ts (which enforces bench/budgets.json).
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Strings only Monaco's code and styles contain; none may appear in what loads before first paint. */
export const MONACO_MARKERS = ['MonacoEnvironment', 'monaco-editor', '.monaco-'] as const

export interface AssetCost {
  /** Path inside dist/, e.g. `assets/index-abc.js`. */
  file: string
  kind: 'html' | 'js' | 'css'
  bytes: number
  gzipBytes: number
}

export interface FirstPaintCost {
  /** Every file the page needs before it can paint the app: the HTML, its scripts and stylesheets. */
  assets: AssetCost[]
  gzip: { html: number; js: number; css: number; total: number }
  /** First-paint files that contain a Monaco marker, with the marker found. Must be empty. */
  monacoInFirstPaint: { file: string; marker: string }[]
  /** The largest chunk that is Monaco's (null if the build has none, which means the check saw nothing). */
  monacoChunk: AssetCost | null
  /** All of Monaco's JS and CSS chunks together, loaded only when an editor opens. */
  monacoTotalGzipBytes: number
}

const gzipSize = (content: Buffer) => gzipSync(content, { level: 9 }).length

// Attributes of the tags that make the browser fetch something before first paint. Module scripts are
// deferred, but the app paints nothing until its entry module has run, so they count.
const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g
const LINK = /<link\b[^>]*>/g
const REL = /\brel="([^"]+)"/
const HREF = /\bhref="([^"]+)"/
// Static imports in a built chunk: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`.
// A dynamic `import("./x.js")` has a parenthesis and does not match.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g

const kindOf = (file: string): AssetCost['kind'] =>
  file.endsWith('.css') ? 'css' : file.endsWith('.html') ? 'html' : 'js'

/** A URL from index.html or a chunk, as a path inside dist/ (`/assets/x.js` → `assets/x.js`). */
function resolveIn(from: string, url: string): string | null {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null
  const path = url.startsWith('/') ? url.slice(1) : posix.join(posix.dirname(from), url)
  return posix.normalize(path)
}

/**
 * Everything a built page (`dist/index.html` by default) makes the browser load before first paint,
 * followed through static imports.
 */
export function firstPaintCost(distDir: string, page = 'index.html'): FirstPaintCost {
  const read = (file: string) => readFileSync(join(distDir, file))
  const html = read(page)
  const text = html.toString('utf8').replace(/<!--[\s\S]*?-->/g, '')
  const pending: string[] = []
  for (const [, src] of text.matchAll(SCRIPT_SRC)) pending.push(src!)
  for (const [tag] of text.matchAll(LINK)) {
    const rel = REL.exec(tag)?.[1]?.split(/\s+/) ?? []
    const href = HREF.exec(tag)?.[1]
    if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) pending.push(href)
  }

  const seen = new Set<string>()
  const assets: AssetCost[] = [{ file: page, kind: 'html', bytes: html.length, gzipBytes: gzipSize(html) }]
  const queue = pending.map((url) => resolveIn(page, url)).filter((file) => file !== null)
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const content = read(file)
    assets.push({ file, kind: kindOf(file), bytes: content.length, gzipBytes: gzipSize(content) })
    if (kindOf(file) !== 'js') continue
    for (const [, url] of content.toString('utf8').matchAll(STATIC_IMPORT)) {
      const imported = resolveIn(file, url!)
      if (imported && !seen.has(imported)) queue.push(imported)
    }
  }

  const sum = (kind: AssetCost['kind']) =>
    assets.filter((asset) => asset.kind === kind).reduce((total, asset) => total + asset.gzipBytes, 0)
  const gzip = { html: sum('html'), js: sum('js'), css: sum('css'), total: 0 }
  gzip.total = gzip.html + gzip.js + gzip.css

  const monacoInFirstPaint = assets.flatMap(({ file }) => {
    const content = read(file).toString('utf8')
    const marker = MONACO_MARKERS.find((candidate) => content.includes(candidate))
    return marker ? [{ file, marker }] : []
  })
  const monaco = monacoChunks(distDir)
  return {
    assets,
    gzip,
    monacoInFirstPaint,
    monacoChunk: monaco.filter((asset) => asset.kind === 'js').sort((a, b) => b.bytes - a.bytes)[0] ?? null,
    monacoTotalGzipBytes: monaco.reduce((total, asset) => total + asset.gzipBytes, 0),
  }
}

/** The JS and CSS files in dist/assets that are Monaco's, by its markers. */
function monacoChunks(distDir: string): AssetCost[] {
  return readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
    .flatMap((name) => {
      const file = `assets/${name}`
      const content = readFileSync(join(distDir, file))
      const text = content.toString('utf8')
      if (!MONACO_MARKERS.some((marker) => text.includes(marker))) return []
      return [{ file, kind: kindOf(file), bytes: content.length, gzipBytes: gzipSize(content) }]
    })
}
