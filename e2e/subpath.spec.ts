// Deployed under a subpath, as GitHub Pages serves a project site at /<repo>/: the same build loads, its
// service worker registers at that subpath, and after one visit the page opens and runs with no network
// (the editor too, once it was used in that visit).
import { expect, openPlayground, test } from './fixtures.ts'
import { waitForOfflineReady } from './service-worker.ts'
import { serveStatically } from './static-server.ts'
import { useEditorOnce, useWhileOffline } from './use-while-offline.ts'

const SUBPATH = '/token-exchange-playground/'

test('under a subpath the service worker registers there, and the page works offline after one visit', async ({
  browser,
}) => {
  const { server, origin } = await serveStatically(SUBPATH)
  const context = await browser.newContext({ serviceWorkers: 'allow' })
  try {
    const outside: string[] = []
    const errors: string[] = []
    // Only the subpath is served: a request for /sw.js or /assets/… at the root would be a 404.
    context.on('request', (request) => {
      if (!request.url().startsWith(`${origin}${SUBPATH}`)) outside.push(request.url())
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
    await openPlayground(page, `${origin}${SUBPATH}`)
    await waitForOfflineReady(page)
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready
      return { scope: ready.scope, script: ready.active?.scriptURL }
    })
    expect(registration).toEqual({ scope: `${origin}${SUBPATH}`, script: `${origin}${SUBPATH}sw.js` })
    // The editor is kept for offline use once it has been used (service-worker/service-worker.ts).
    await useEditorOnce(page)

    // A cold load in a new tab with no network at all: everything comes from the service worker.
    await context.setOffline(true)
    await page.close()
    const cold = await context.newPage()
    cold.on('pageerror', (error) => errors.push(error.message))
    await openPlayground(cold, `${origin}${SUBPATH}#s=1.`)
    await useWhileOffline(cold)
    expect(outside).toEqual([])
    expect(errors).toEqual([])
  } finally {
    await context.close()
    await new Promise((resolve) => server.close(resolve))
  }
})
