// A first visit costs what it shows: everything the page, its workers and its service worker download
// until the network has been quiet for 5 s stays within bench/budgets.json, and none of it is the code
// editor (Monaco), which a visitor who never opens an editor never downloads.
import { readBudgets } from '../bench/budgets.ts'
import { firstVisitBytes } from '../bench/first-visit-bytes.ts'
import { expect, openPlayground, test } from './fixtures.ts'
import { DIST, waitForOfflineReady } from './service-worker.ts'

test.use({ serviceWorkers: 'allow' })

test('a first visit without opening an editor downloads no editor file and stays within its budget', async ({
  context,
  baseURL,
}) => {
  const visit = await firstVisitBytes(context, baseURL!, DIST, async (page) => {
    await openPlayground(page)
    await waitForOfflineReady(page)
  })
  const listing = visit.requests.map((r) => `${r.file} ${r.status} ${r.gzipBytes} B`).join(', ')
  expect(
    visit.requests.some((request) => request.byServiceWorker),
    'the service worker installed',
  ).toBe(true)
  expect(visit.editorRequests, listing).toEqual([])
  expect(visit.gzipBytes, listing).toBeLessThanOrEqual(readBudgets().budgets.firstVisitGzipBytes)
})
