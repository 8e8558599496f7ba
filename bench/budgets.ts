// Reads bench/budgets.json: CI's budgets and the bench's targets, kept in one file.
import { readFileSync } from 'node:fs'

export interface Budgets {
  budgets: {
    firstPaintGzipBytes: number
    /** A first visit, service worker included, until 5 s of network idle; no editor opened. */
    firstVisitGzipBytes: number
    /** What the service worker installs (its precache list, the editor excluded). */
    precacheGzipBytes: number
    monacoInFirstPaint: false
  }
  targets: {
    pipelineOverFloor: number
    /** Sandbox sequences/s over the bare node:http floor's, at least. */
    sandboxOverFloor: number
    editToScreenP95Ms: number
    frameMs: number
    firstPaintGzipKiB: number
    firstVisitGzipKiB: number
    lighthouseScore: number
  }
}

export function readBudgets(): Budgets {
  return JSON.parse(readFileSync(new URL('budgets.json', import.meta.url), 'utf8')) as Budgets
}
