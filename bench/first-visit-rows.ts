// The bench's first-visit rows: what a first visit transfers (the service worker included), next to the
// bytes before first paint, and what the service worker installs against what it keeps for the editor.
import type { Budgets } from './budgets.ts'
import type { FirstPaintCost } from './first-paint-cost.ts'
import type { FirstVisitBytes } from './first-visit-bytes.ts'
import type { PrecacheCost } from './precache-cost.ts'
import { kib, times, type Row } from './table.ts'

export function firstVisitRows(
  firstVisit: FirstVisitBytes | null,
  precache: PrecacheCost,
  firstPaint: FirstPaintCost,
  { budgets, targets }: Budgets,
): Row[] {
  const paint = firstPaint.gzip.total
  const rows: Row[] = []
  if (firstVisit) {
    const bySw = firstVisit.requests.filter((request) => request.byServiceWorker)
    const swBytes = bySw.reduce((total, request) => total + request.gzipBytes, 0)
    const target = targets.firstVisitGzipKiB * 1024
    rows.push({
      figure: `First visit until 5 s idle, no editor opened (${firstVisit.requests.length} requests)`,
      median: `${kib(firstVisit.gzipBytes)} (service worker ${kib(swBytes)})`,
      p95: '—',
      floor: `${kib(paint)} (before first paint)`,
      ratio: times(firstVisit.gzipBytes / paint),
      target: `≤ ${targets.firstVisitGzipKiB} KiB; CI budget ${kib(budgets.firstVisitGzipBytes)}`,
      status:
        firstVisit.editorRequests.length > 0
          ? `missed: fetched ${firstVisit.editorRequests.join(', ')}`
          : firstVisit.gzipBytes <= target
            ? 'met'
            : `missed by ${kib(firstVisit.gzipBytes - target)}; no editor file fetched`,
    })
  }
  if (firstVisit) rows.push(largestFilesRow(firstVisit))
  rows.push({
    figure: `Service worker installs (${precache.files.length} files) · keeps on use (${precache.editor.length})`,
    median: `${kib(precache.gzipBytes)} · ${kib(precache.editorGzipBytes)}`,
    p95: '—',
    floor: `${kib(paint)} (before first paint)`,
    ratio: times(precache.gzipBytes / paint),
    target: `CI budget ${kib(budgets.precacheGzipBytes)}, no Monaco`,
    status: precache.gzipBytes <= budgets.precacheGzipBytes ? 'met' : 'missed',
  })
  return rows
}

/** Hashed names lose their hash: `assets/run-scenario-BK2O7zhC.js` → `run-scenario.js`. */
const shortName = (file: string) => file.replace(/^assets\//, '').replace(/-[\w-]{8}(\.\w+)$/, '$1')

/** Where a first visit's bytes go: its largest files, so the next cut starts from a list, not a guess. */
function largestFilesRow(firstVisit: FirstVisitBytes): Row {
  const largest = [...firstVisit.requests]
    .filter((request) => request.gzipBytes > 0)
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, 6)
  const shown = largest.reduce((total, request) => total + request.gzipBytes, 0)
  return {
    figure: 'First visit, its largest files (gzip)',
    median: largest.map((request) => `${shortName(request.file)} ${kib(request.gzipBytes)}`).join(' · '),
    p95: '—',
    floor: '—',
    ratio: `${((100 * shown) / firstVisit.gzipBytes).toFixed(0)}% of the visit`,
    target: '—',
    status: 'info',
  }
}
