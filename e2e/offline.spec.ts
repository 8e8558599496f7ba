// Offline: once loaded, the playground runs with the network cut (the IdP and the API are in the page);
// after one visit the service worker opens it, Monaco included, with no network at all; and a plain static
// file server with nothing else reachable serves the whole app.
import { collectCspViolations, expect, openPlayground, test } from './fixtures.ts'
import { useWhileOffline } from './use-while-offline.ts'
import { waitForOfflineReady } from './service-worker.ts'
import { serveStatically } from './static-server.ts'

test.use({ serviceWorkers: 'allow' })

test('with the network cut after load every edit still runs and the editors open; after that visit, so does a cold load', async ({
  page,
  context,
}) => {
  await openPlayground(page)
  await waitForOfflineReady(page)
  await context.setOffline(true)
  await useWhileOffline(page)
  // A new tab, network still cut: the page, the core and Monaco all come from the service worker.
  await page.close()
  const cold = await context.newPage()
  await openPlayground(cold, '/#s=1.')
  await useWhileOffline(cold)
})

test('a plain static file server, with nothing else reachable and no service worker, serves the whole app', async ({
  browser,
}) => {
  const { server, origin } = await serveStatically()
  const context = await browser.newContext({ serviceWorkers: 'block' })
  try {
    const elsewhere: string[] = []
    const violations: string[] = []
    const errors: string[] = []
    await collectCspViolations(context, violations)
    // The only network is the static server: anything else is cut, and noted.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue()
      elsewhere.push(route.request().url())
      return route.abort('internetdisconnected')
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
    await openPlayground(page, `${origin}/`)
    await useWhileOffline(page)
    expect(elsewhere).toEqual([])
    expect(errors).toEqual([])
    // No header here: the meta tag alone applies the policy, and nothing breaks it.
    expect(violations).toEqual([])
  } finally {
    await context.close()
    await new Promise((resolve) => server.close(resolve))
  }
})
