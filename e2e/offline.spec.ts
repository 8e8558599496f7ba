// Offline: once loaded, the playground runs with the network cut (the IdP and the API are in the page);
// after one visit the service worker opens it, Monaco included, with no network at all; and a plain static
// file server with nothing else reachable serves the whole app.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import type { Page } from '@playwright/test'
import { collectCspViolations, expect, openPlayground, test } from './fixtures.ts'
import { DIST, waitForOfflineReady } from './service-worker.ts'

test.use({ serviceWorkers: 'allow' })

/** What a person does with the network gone: edit, pick a preset and an attack, open an editor and type. */
async function useWhileOffline(page: Page) {
  const audit = page.getByLabel('Audit line', { exact: true })
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await expect(audit).toContainText('scope=read:repo ttl=600s')
  await page.getByLabel('Audience', { exact: true }).fill('evil.example.com')
  await expect(audit).toContainText('error=invalid_target')
  await page.getByLabel('Preset', { exact: true }).selectOption('delegation-chain')
  await expect(audit).toContainText('acting_as=spiffe://prod/agent/test-runner/v1')
  await page.getByLabel('Attack', { exact: true }).selectOption('stolen-token')
  await expect(audit).toContainText('decision=deny')
  await page.getByRole('button', { name: 'Edit request' }).click()
  const editor = page.getByRole('textbox', { name: 'Raw token request' })
  await expect(editor).toBeAttached({ timeout: 15_000 })
  await editor.focus()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('&scope=admin')
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText(
    'is included more than once',
  )
}

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

/** The content types a static host sends: module scripts and workers must be served as JavaScript. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
}

/** A bare static file server for dist/: no Vite, no headers but the content type, no fallback pages. */
async function serveStatically(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname))
    const file = join(DIST, path === '/' ? 'index.html' : path)
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

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
