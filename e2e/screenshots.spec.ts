// On demand only: SCREENSHOTS=1 npx playwright test screenshots
// Writes docs/screenshot-{light,dark}.png at 1440×1000 and docs/screenshot-mobile-{light,dark}.png at 375×812.
// SCREENSHOTS=full also writes the whole page in viewport-sized slices to test-results/, for design review.
import type { Page } from '@playwright/test'
import { openPlayground, test } from './fixtures.ts'

test.skip(
  !process.env.SCREENSHOTS,
  'Screenshots are taken on demand: SCREENSHOTS=1 npx playwright test screenshots',
)

async function slices(page: Page, prefix: string, width: number, height: number, max: number) {
  await page.setViewportSize({ width, height })
  const total = await page.evaluate(() => document.documentElement.scrollHeight)
  for (let y = 0, i = 0; y < total && i < max; y += height, i++)
    await page.screenshot({
      path: `test-results/${prefix}-${i}.png`,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(height, total - y) },
    })
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1440, height: 1000 })
    await openPlayground(page)
    await page.screenshot({ path: `docs/screenshot-${scheme}.png` })
    await page.setViewportSize({ width: 375, height: 812 })
    await page.screenshot({ path: `docs/screenshot-mobile-${scheme}.png` })
    await page.setViewportSize({ width: 1440, height: 1000 })
    if (process.env.SCREENSHOTS === 'full') {
      await slices(page, `page-${scheme}`, 1440, 1000, 12)
      await slices(page, `mobile-${scheme}`, 375, 1400, 12)
    }
  })
}
