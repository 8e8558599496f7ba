// Shared e2e fixtures: every test fails on a console error, an uncaught page error, or a request that
// leaves the page's origin (workers included: the listener is on the browser context).
import { expect, test as base, type Page } from '@playwright/test'

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin
      const problems: string[] = []
      const foreign: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      page.context().on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
      })
      await use()
      expect(problems, 'console errors and page errors').toEqual([])
      expect(foreign, 'requests leaving the origin').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Opens the playground and waits until the first run is on screen. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('group', { name: 'Encoded delegated token' })).toBeVisible()
}
