// The offline service worker: keeps this build's public files (HTML, scripts, styles, fonts, workers) in
// Cache Storage, so the playground, Monaco included, opens and runs with no network once visited. It
// stores nothing else: no request the page makes carries a token (the IdP and the API run in the page),
// and only the files of the build are ever written to the cache.
//
// A classic script (no import or export), built by build/service-worker-plugin.ts, which puts the build's
// file list and version in front of it as __PRECACHE__.

declare const __PRECACHE__: { version: string; files: string[]; shell: string }

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
const SHELL = resolve(__PRECACHE__.shell)

worker.addEventListener('install', (event) => {
  // All or nothing: if one file fails to download, this version is not installed, and the last one stays.
  // `cache: 'reload'` skips the HTTP cache, so a stale copy can't be pinned under the new version.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(__PRECACHE__.files.map((file) => new Request(resolve(file), { cache: 'reload' }))),
      ),
  )
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
