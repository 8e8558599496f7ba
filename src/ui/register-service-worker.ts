// Registers the offline service worker (service-worker/service-worker.ts) in built apps only, once the page
// has loaded and the browser is idle, so its download of the build's files never competes with first paint.

/** Where the build puts the service worker (build/service-worker-plugin.ts). */
const SERVICE_WORKER_URL = '/sw.js'

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const register = () =>
    // updateViaCache 'none': a new build's sw.js is fetched past the HTTP cache on every check.
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' })
      .catch(() => undefined) // Without it the page works the same, only not offline.
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(register, { timeout: 5_000 })
      : setTimeout(register, 1_000)
  if (document.readyState === 'complete') whenIdle()
  else addEventListener('load', whenIdle, { once: true })
}
