// The page as a whole: small screens, dark mode, keyboard use.
import { expect, openPlayground, test } from './fixtures.ts'

test('at 375 px every pane fits the width: nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await openPlayground(page)
  for (const name of ['RFC 8693 request', 'Token response', 'Delegated token claims', 'Audit log', 'Checks'])
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('dark mode follows the system, can be toggled, and only that choice is stored', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openPlayground(page)
  const html = page.locator('html')
  await expect(html).not.toHaveClass(/dark/)
  await page.getByRole('button', { name: 'Dark mode' }).click()
  await expect(html).toHaveClass(/dark/)
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true')
  // Edit something: the scenario must not be stored anywhere.
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  const stored = await page.evaluate(() => ({ local: { ...localStorage }, session: sessionStorage.length }))
  expect(stored).toEqual({ local: { 'tep-theme': 'dark' }, session: 0 })
  // A fresh visit, not a reload: the address keeps the edit in its fragment once the link is written
  // (a link, not storage), and when that happens depends on the machine's speed.
  await page.goto('/')
  await expect(html).toHaveClass(/dark/)
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('read:repo write:issues')
})

test('the controls are reachable by keyboard with a visible focus ring', async ({ page }) => {
  await openPlayground(page)
  await page.getByLabel('User', { exact: true }).focus()
  await page.keyboard.press('Tab')
  const actor = page.getByLabel('Actor', { exact: true })
  await expect(actor).toBeFocused()
  const outline = await actor.evaluate((element) => getComputedStyle(element).outlineStyle)
  expect(outline).toBe('solid')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Attestation', { exact: true })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Send actor token', { exact: true })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByLabel('Audit line', { exact: true })).not.toContainText('acting_as')
})
