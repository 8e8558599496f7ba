// Offline: once loaded, the playground runs with the network cut (the IdP and the API are in the page);
// after one visit the service worker opens it with no network at all, Monaco included once an editor was
// used (an editor never used explains why it can't open); and a plain static file server with nothing else
// reachable serves the whole app.
import { collectCspViolations, expect, openPlayground, test } from './fixtures.ts'
import { useEditorOnce, useWhileOffline } from './use-while-offline.ts'
import { waitForOfflineReady } from './service-worker.ts'
import { serveStatically } from './static-server.ts'

test.use({ serviceWorkers: 'allow' })

test('with the network cut after load every edit still runs and a used editor opens; after that visit, so does a cold load', async ({
  page,
  context,
}) => {
  await openPlayground(page)
  await waitForOfflineReady(page)
  await useEditorOnce(page)
  await context.setOffline(true)
  await useWhileOffline(page)
  // A new tab, network still cut: the page, the core and Monaco all come from the service worker.
  await page.close()
  const cold = await context.newPage()
  await openPlayground(cold, '/#s=1.')
  await useWhileOffline(cold)
})

test('offline, an editor never opened explains why it can’t load, and opens once the network is back', async ({
  page,
  context,
  pageProblems,
}) => {
  await openPlayground(page)
  await waitForOfflineReady(page)
  await context.setOffline(true)
  await page.getByRole('button', { name: 'Edit request' }).click()
  const explanation = page.getByRole('alert').filter({ hasText: 'The editor isn’t available offline yet.' })
  await expect(explanation).toContainText('downloaded the first time an editor is opened with a network')
  // The rest of the page still runs.
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('scope=read:repo ttl=600s')
  await context.setOffline(false)
  await explanation.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('textbox', { name: 'Raw token request' })).toBeAttached({ timeout: 30_000 })
  // The failed download is the point of this test: the browser and React report it, nothing else may.
  const expected =
    /Failed to load resource|Failed to fetch dynamically imported module|Unable to preload CSS|ERR_INTERNET_DISCONNECTED/
  const unexpected = pageProblems.filter((problem) => !expected.test(problem))
  pageProblems.splice(0, pageProblems.length, ...unexpected)
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
