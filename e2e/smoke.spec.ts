import { expect, test } from '@playwright/test'

test('the page loads with no console error and no request leaving the origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin
  const foreign: string[] = []
  const consoleErrors: string[] = []
  // Listening on the context counts worker requests too, not only the page's own.
  page.context().on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: /Token Exchange Playground/ })).toBeVisible()
  await page.waitForLoadState('networkidle')

  expect(foreign).toEqual([])
  expect(consoleErrors).toEqual([])
})
