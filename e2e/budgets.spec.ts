// CI's performance budgets, checked on the production build the e2e webServer just made (dist/): what loads
// before first paint stays within bench/budgets.json, and none of it is Monaco. Sizes are deterministic, so
// a regression fails the build; timings are never asserted in tests (they live in `npm run bench`).
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { readBudgets } from '../bench/budgets.ts'
import { firstPaintCost } from '../bench/first-paint-cost.ts'

const DIST = fileURLToPath(new URL('../dist', import.meta.url))
const { budgets } = readBudgets()

test('what loads before first paint stays within its gzip budget', () => {
  const cost = firstPaintCost(DIST)
  const listing = cost.assets.map((asset) => `${asset.file} ${asset.gzipBytes} B`).join(', ')
  expect(cost.gzip.total, `first paint (gzip -9): ${listing}`).toBeLessThanOrEqual(
    budgets.firstPaintGzipBytes,
  )
})

test('no Monaco code loads before first paint', () => {
  const cost = firstPaintCost(DIST)
  // Without a Monaco chunk to find, the markers would prove nothing.
  expect(cost.monacoChunk, 'the build has a Monaco chunk for the markers to match').not.toBeNull()
  expect(cost.monacoInFirstPaint).toEqual([])
})
