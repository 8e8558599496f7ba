// Reads bench/budgets.json: CI's budgets and the bench's targets, kept in one file.
import { readFileSync } from 'node:fs'

export interface Budgets {
  budgets: { firstPaintGzipBytes: number; monacoInFirstPaint: false }
  targets: {
    pipelineOverFloor: number
    editToScreenP95Ms: number
    frameMs: number
    firstPaintGzipKiB: number
    lighthouseScore: number
  }
}

export function readBudgets(): Budgets {
  return JSON.parse(readFileSync(new URL('budgets.json', import.meta.url), 'utf8')) as Budgets
}
