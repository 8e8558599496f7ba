// CI's performance budgets, checked on the production build the e2e webServer just made (dist/): what loads
// before first paint and what the service worker installs stay within bench/budgets.json, and neither holds
// Monaco. Sizes are deterministic, so a regression fails the build; timings are never asserted in tests
// (they live in `npm run bench`).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { readBudgets } from '../bench/budgets.ts'
import { firstPaintCost, MONACO_MARKERS } from '../bench/first-paint-cost.ts'
import { precacheCost } from '../bench/precache-cost.ts'

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

test('what the service worker installs stays within its gzip budget', () => {
  const cost = precacheCost(DIST)
  const listing = cost.files.map((file) => `${file.file} ${file.gzipBytes} B`).join(', ')
  expect(cost.gzipBytes, `precache (gzip -9): ${listing}`).toBeLessThanOrEqual(budgets.precacheGzipBytes)
})

test('the service worker installs no Monaco file: the editor is kept apart, for once it is used', () => {
  const cost = precacheCost(DIST)
  const monaco = firstPaintCost(DIST).monacoChunk
  expect(monaco, 'the build has a Monaco chunk').not.toBeNull()
  expect(cost.editor.map((file) => file.file)).toContain(monaco!.file)
  const installedMonaco = cost.files.filter(({ file }) => {
    const text = readFileSync(join(DIST, file), 'utf8')
    return MONACO_MARKERS.some((marker) => text.includes(marker))
  })
  expect(installedMonaco).toEqual([])
})

// Classic zod's schema classes are named by string (`ZodString`, …); zod/mini's are `ZodMiniString`, … and
// zod's core ones `$ZodString`, …, so a quoted classic name is in the build only if classic zod is.
const CLASSIC_ZOD = /[`"']Zod(?:String|Object|Array|Number|Type)[`"']/

test('the build holds no classic zod: the page’s schemas use zod/mini, a third of its bytes', () => {
  const assets = readdirSync(join(DIST, 'assets')).filter((file) => file.endsWith('.js'))
  const miniChunks = assets.filter((file) =>
    readFileSync(join(DIST, 'assets', file), 'utf8').includes('ZodMiniObject'),
  )
  // Without zod/mini in the build, finding no classic zod would prove nothing.
  expect(miniChunks, 'the build has zod/mini').not.toEqual([])
  const classic = assets.filter((file) => CLASSIC_ZOD.test(readFileSync(join(DIST, 'assets', file), 'utf8')))
  expect(classic).toEqual([])
})
