// Registers the offline service worker (service-worker/service-worker.ts) in built apps only, once the page
// has loaded and the browser is idle, so its download of the build's files never competes with first paint.
// The code editor is not part of that download; see src/ui/editor/keep-editor-policy.ts.

/**
 * Where the build puts the service worker (build/service-worker-plugin.ts), next to the page. Both are
 * relative to the build's base, so the app works at a site's root and under a subpath (GitHub Pages):
 * an absolute `/sw.js` would be a 404 there, and offline support silently off.
 */
const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}sw.js`
const SCOPE = import.meta.env.BASE_URL

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const register = () =>
    // updateViaCache 'none': a new build's sw.js is fetched past the HTTP cache on every check.
    navigator.serviceWorker
      // Relative URLs resolve against the page, i.e. the directory the build was deployed to.
      .register(new URL(SERVICE_WORKER_URL, document.baseURI), {
        scope: new URL(SCOPE, document.baseURI).href,
        updateViaCache: 'none',
      })
      // Loaded only here, after registration, so the decision costs first paint nothing.
      .then(() => import('./editor/keep-editor-policy.ts'))
      .then(({ keepEditorWhenIdle }) => keepEditorWhenIdle())
      .catch(() => undefined) // Without it the page works the same, only not offline.
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(register, { timeout: 5_000 })
      : setTimeout(register, 1_000)
  if (document.readyState === 'complete') whenIdle()
  else addEventListener('load', whenIdle, { once: true })
}
