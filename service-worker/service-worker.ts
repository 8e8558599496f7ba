// The offline service worker: keeps this build's public files (HTML, scripts, styles, fonts, workers) in
// Cache Storage, so the playground opens and runs with no network once visited. The code editor (Monaco,
// about 1.3 MB gzip, nine times the page) is not installed with the rest: it is kept once an editor has
// been used, or when the page asks on an idle, unmetered connection (src/ui/register-service-worker.ts),
// so a visitor who never edits never downloads it. It stores nothing else: no request the page makes carries a token (the IdP and the API run in the page),
// and only the files of the build are ever written to the cache.
//
// A classic script (no import or export), built by build/service-worker-plugin.ts, which puts the build's
// file list and version in front of it as __PRECACHE__.

declare const __PRECACHE__: { version: string; files: string[]; editor: string[]; shell: string }

const worker = self as unknown as ServiceWorkerGlobalScope
const CACHE_PREFIX = 'tep-build-'
const CACHE = `${CACHE_PREFIX}${__PRECACHE__.version}`
// Servers add `Vary: Origin`, and a module script or a preloaded stylesheet is requested with an Origin
// header the precache request lacked: the files are static, so that difference must not make a miss.
const MATCH: CacheQueryOptions = { ignoreVary: true }
// The list is relative to the base the build was made for; resolved against this script's own URL, which
// sits at that base, so the same build works at a site's root and under a subpath.
const resolve = (file: string) => new URL(file, worker.location.href).href
const FILES = new Set(__PRECACHE__.files.map(resolve))
const EDITOR = new Set(__PRECACHE__.editor.map(resolve))
const SHELL = resolve(__PRECACHE__.shell)
// Hashed file names (Vite's assets/) name their content: the copy the page just loaded, still in the HTTP
// cache, is the right one, so installing doesn't download the page a second time. The few files without a
// hash (the page, theme-init.js, …) skip the HTTP cache, so a stale copy can't be pinned under a new version.
const HASHED = /\/assets\/[^/]+-[\w-]{8}\.\w+$/
const requestFor = (url: string) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'reload' })

worker.addEventListener('install', (event) => {
  // All or nothing: if one file fails to download, this version is not installed, and the last one stays.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      await cache.addAll([...FILES].map(requestFor))
      // An editor kept by an older version stays usable offline when its files didn't change.
      for (const url of EDITOR) {
        const kept = await caches.match(url, MATCH)
        if (kept) await cache.put(url, kept)
      }
    })(),
  )
})

worker.addEventListener('message', (event) => {
  // The page asks for the editor ahead of use only on an idle, unmetered connection (its own decision).
  if ((event.data as { type?: unknown } | null)?.type === 'keep-editor') event.waitUntil(keepEditor())
})

worker.addEventListener('activate', (event) => {
  // A new build replaces the old one only once no tab runs the old one (no skipWaiting), so an open tab
  // never loses the lazily loaded files of the version it started with. Then older builds are deleted.
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key)
      await worker.clients.claim()
    })(),
  )
})

worker.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET' || new URL(request.url).origin !== worker.location.origin) return
  if (request.mode === 'navigate') event.respondWith(networkThenShell(request))
  else if (FILES.has(request.url)) event.respondWith(cacheThenNetwork(request))
  else if (EDITOR.has(request.url)) {
    // An editor is being used: keep all of Monaco (workers, font, language chunks) for offline use.
    event.respondWith(cacheThenNetwork(request))
    event.waitUntil(keepEditor())
  }
  // Anything else is not a build file: left to the network, and never cached.
})

/** Pages: the network first, so a new deploy shows at once; the cached page when there is no network. */
async function networkThenShell(request: Request): Promise<Response> {
  try {
    return await fetch(request)
  } catch (error) {
    const shell = await (await caches.open(CACHE)).match(SHELL, MATCH)
    if (shell) return shell
    throw error
  }
}

/** Build files: their names carry a content hash (or they are tiny), so the cached copy is the right one. */
async function cacheThenNetwork(request: Request): Promise<Response> {
  return (await (await caches.open(CACHE)).match(request, MATCH)) ?? fetch(request)
}

let keeping: Promise<void> | null = null

/**
 * Stores the editor's files that aren't stored yet, once at a time. Not all or nothing: a file that fails
 * (the network went away) is fetched again the next time an editor is used.
 */
function keepEditor(): Promise<void> {
  keeping ??= (async () => {
    const cache = await caches.open(CACHE)
    await Promise.allSettled(
      [...EDITOR].map(async (url) => {
        if (!(await cache.match(url, MATCH))) await cache.add(requestFor(url))
      }),
    )
  })().finally(() => {
    keeping = null
  })
  return keeping
}
