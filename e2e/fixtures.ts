// Shared e2e fixtures: every test fails on a console error, an uncaught page error, a Content Security
// Policy violation, or a request that leaves the page's origin (workers included: the listeners are on the
// browser context).
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test'

/** Reports every `securitypolicyviolation` of every page in the context to `into`. */
export async function collectCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__tepCspViolation', (_source, text: string) => void into.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tepCspViolation: (text: string) => void }).__tepCspViolation
      void report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
}

export const test = base.extend<{ guard: void; cspViolations: string[]; pageProblems: string[] }>({
  /** Console errors and uncaught page errors; a test that causes some on purpose removes them. */
  // Playwright reads a fixture's dependencies from its first parameter, so an empty pattern is required.
  // eslint-disable-next-line no-empty-pattern
  pageProblems: async ({}, use) => use([]),
  cspViolations: async ({ context }, use) => {
    const violations: string[] = []
    await collectCspViolations(context, violations)
    await use(violations)
  },
  guard: [
    async ({ page, baseURL, cspViolations, pageProblems: problems }, use) => {
      const origin = new URL(baseURL!).origin
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
      expect(cspViolations, 'Content Security Policy violations').toEqual([])
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

/** Opens an editor and replaces its text by pasting, as a person would (typing would meet Monaco's auto-closing). */
export async function pasteInto(page: Page, button: string, editor: string, text: string): Promise<void> {
  await page.getByRole('button', { name: button }).first().click()
  const input = page.getByRole('textbox', { name: editor })
  await expect(input).toBeAttached({ timeout: 30_000 })
  await input.focus()
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}
