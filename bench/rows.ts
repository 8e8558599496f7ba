// Turns the bench's measurements into table rows: each figure with its floor, its target, and how close it is.
import type { Budgets } from './budgets.ts'
import type { EditToScreenResult } from './edit-to-screen.ts'
import type { FirstPaintCost } from './first-paint-cost.ts'
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts'
import type { GrowthFigure } from './parser-growth.ts'
import type { PermalinkLengths } from './permalink-lengths.ts'
import type { PipelineBenchResult } from './pipeline/pipeline-bench.ts'
import { kib, ms, times, type Row } from './table.ts'

export interface Measurements {
  node: PipelineBenchResult
  chromium: PipelineBenchResult | null
  edit: EditToScreenResult | null
  firstPaint: FirstPaintCost
  reactAlone: FirstPaintCost
  permalinks: PermalinkLengths
  growth: GrowthFigure[]
  lighthouse: LighthouseResult[]
  budgets: Budgets['budgets']
  targets: Budgets['targets']
}

const NONE = '—'
const skipped = (figure: string, why: string): Row => ({
  figure,
  median: NONE,
  p95: NONE,
  floor: NONE,
  ratio: NONE,
  target: NONE,
  status: `skipped: ${why}`,
})

function pipelineRow(where: string, result: PipelineBenchResult, target: number): Row {
  const { sign, verify } = result.ops.floor
  return {
    figure: `Scenario → Run, ${where} (${result.pipeline.n} runs)`,
    median: ms(result.pipeline.median),
    p95: ms(result.pipeline.p95),
    floor: `${ms(result.floor.median)} (${sign} sign + ${verify} verify)`,
    ratio: times(result.ratio),
    target: `≤ ${target}× floor`,
    status: result.ratio <= target ? 'met' : `missed: ${(result.ratio / target).toFixed(1)}× over`,
  }
}

function editRows(
  edit: EditToScreenResult,
  chromium: PipelineBenchResult | null,
  t: Budgets['targets'],
): Row[] {
  const frames = (value: number) => `${(value / t.frameMs).toFixed(2)} frame`
  const p95 = edit.dom.p95
  return [
    {
      figure: `Edit → every pane shows it (${edit.edits} edits)`,
      median: ms(edit.dom.median),
      p95: ms(p95),
      floor: chromium ? `${ms(chromium.pipeline.median)} (its Run)` : NONE,
      ratio: `p95 ${frames(p95)}`,
      target: `p95 ≤ ${t.editToScreenP95Ms} ms (½ frame)`,
      status:
        p95 <= t.editToScreenP95Ms
          ? 'met'
          : `missed by ${ms(p95 - t.editToScreenP95Ms)}${p95 <= t.frameMs ? '; within 1 frame' : ''}`,
    },
    {
      figure: 'Edit → next frame presented',
      median: ms(edit.frame.median),
      p95: ms(edit.frame.p95),
      floor: `${ms(t.frameMs)} (60 Hz frame)`,
      ratio: `p95 ${frames(edit.frame.p95)}`,
      target: 'reference',
      status: 'info',
    },
  ]
}

function firstPaintRows({ firstPaint, reactAlone, budgets, targets }: Measurements): Row[] {
  const total = firstPaint.gzip.total
  const limit = targets.firstPaintGzipKiB * 1024
  const monaco = firstPaint.monacoInFirstPaint
  return [
    {
      figure: 'Before first paint: HTML + JS + CSS, gzip',
      median: `${kib(total)} (JS ${kib(firstPaint.gzip.js)}, CSS ${kib(firstPaint.gzip.css)})`,
      p95: NONE,
      floor: `${kib(reactAlone.gzip.total)} (React alone)`,
      ratio: times(total / reactAlone.gzip.total),
      target: `≤ ${targets.firstPaintGzipKiB} KiB; CI budget ${kib(budgets.firstPaintGzipBytes)}`,
      status:
        total <= Math.min(limit, budgets.firstPaintGzipBytes)
          ? `met: ${((100 * total) / limit).toFixed(0)}% of target`
          : `missed: ${kib(total - Math.min(limit, budgets.firstPaintGzipBytes))} over`,
    },
    {
      figure: 'Monaco code before first paint',
      median: monaco.length === 0 ? 'none' : monaco.map((hit) => `${hit.file} (${hit.marker})`).join(', '),
      p95: NONE,
      floor: NONE,
      ratio: NONE,
      target: 'none (CI)',
      status:
        monaco.length === 0 && firstPaint.monacoChunk
          ? 'met'
          : monaco.length > 0
            ? 'missed'
            : 'no Monaco chunk found',
    },
    {
      figure: 'Monaco chunk, on its own (loads on intent)',
      median: firstPaint.monacoChunk ? kib(firstPaint.monacoChunk.gzipBytes) : NONE,
      p95: NONE,
      floor: NONE,
      ratio: firstPaint.monacoChunk ? `${times(firstPaint.monacoChunk.gzipBytes / total)} first paint` : NONE,
      target: NONE,
      status: `info: all Monaco JS + CSS ${kib(firstPaint.monacoTotalGzipBytes)}`,
    },
  ]
}

function permalinkRow({ permalinks }: Measurements): Row {
  const { seed, oneEdit, longestPreset } = permalinks
  return {
    figure: 'Permalink fragment: seed · one edit · longest preset',
    median: `${seed} · ${oneEdit} · ${longestPreset.length} chars`,
    p95: NONE,
    floor: `${seed} chars (the seed)`,
    ratio: NONE,
    target: NONE,
    status: `info: longest is ${longestPreset.id}`,
  }
}

function lighthouseRow(result: LighthouseResult, target: number): Row {
  const low = CATEGORIES.filter((category) => result.scores[category] < target)
  return {
    figure: `Lighthouse ${result.formFactor}: perf · a11y · best pr. · SEO`,
    median: CATEGORIES.map((category) => result.scores[category]).join(' · '),
    p95: NONE,
    floor: NONE,
    ratio: NONE,
    target: `${target} each`,
    status:
      low.length === 0
        ? 'met'
        : `missed: ${low.map((category) => `${category} ${result.scores[category]}`).join(', ')}`,
  }
}

/** Linear work grows about 10× for a 10× input, quadratic 100×; up to 25× leaves room for noise. */
const LINEAR_GROWTH = 25

function growthRow(figure: GrowthFigure): Row {
  return {
    figure: `1 MB vs 100 KB, ${figure.name}`,
    median: `${ms(figure.largeMs)} (100 KB: ${ms(figure.smallMs)})`,
    p95: NONE,
    floor: '10× (linear)',
    ratio: times(figure.ratio),
    target: `≤ ${LINEAR_GROWTH}× (100× is quadratic)`,
    status: figure.ratio <= LINEAR_GROWTH ? 'met' : 'missed',
  }
}

export function rowsFor(m: Measurements): Row[] {
  const { targets } = m
  return [
    pipelineRow('Node', m.node, targets.pipelineOverFloor),
    m.chromium
      ? pipelineRow('Chromium', m.chromium, targets.pipelineOverFloor)
      : skipped('Scenario → Run, Chromium', 'no Chromium'),
    ...(m.edit
      ? editRows(m.edit, m.chromium, targets)
      : [skipped('Edit → every pane shows it', 'no Chromium')]),
    ...firstPaintRows(m),
    permalinkRow(m),
    ...m.growth.map(growthRow),
    ...(m.lighthouse.length > 0
      ? m.lighthouse.map((result) => lighthouseRow(result, targets.lighthouseScore))
      : [skipped('Lighthouse', m.chromium ? 'not run (--no-lighthouse or it failed)' : 'no Chromium')]),
  ]
}
