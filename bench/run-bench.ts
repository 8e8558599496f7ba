// `npm run bench`: measures the playground against floors measured in the same run, prints one table and
// writes bench/report.json. Flags: --no-lighthouse skips the two Lighthouse runs (about a minute);
// --no-sandbox skips the sandbox throughput rows, --only-sandbox runs only them (more in sandbox-bench.ts).
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { APP_DIST, buildApp, serveApp } from './app-build.ts'
import { browserPipeline } from './browser-pipeline.ts'
import { readBudgets } from './budgets.ts'
import { chromiumPath } from './chromium.ts'
import { editToScreenInChromium, type EditToScreenResult } from './edit-to-screen.ts'
import { firstPaintCost } from './first-paint-cost.ts'
import { firstVisitBytes, type FirstVisitBytes } from './first-visit-bytes.ts'
import { firstVisitRows } from './first-visit-rows.ts'
import { launchChromium } from './chromium.ts'
import { precacheCost } from './precache-cost.ts'
import { runLighthouse, type LighthouseResult } from './lighthouse.ts'
import { buildBenchPages, PAGES_DIST } from './pages.ts'
import { parserGrowth } from './parser-growth.ts'
import { permalinkLengths } from './permalink-lengths.ts'
import { benchPipeline, type PipelineBenchResult } from './pipeline/pipeline-bench.ts'
import { rowsFor } from './rows.ts'
import { onlySandbox, sandboxBench, sandboxBenchWanted, type SandboxBench } from './sandbox/sandbox-bench.ts'
import { throughputRows } from './sandbox/throughput-rows.ts'
import { formatTable, type Row } from './table.ts'

/** At least what the issue asks for: 500 Runs (and 500 floor iterations), 200 edits. */
const RUNS = 500
const WARMUP = 100
const EDITS = 200

const log = (message: string) => process.stderr.write(`bench: ${message}\n`)
const started = performance.now()
const allBudgets = readBudgets()
const { budgets, targets } = allBudgets
const chrome = chromiumPath()
const withLighthouse = !process.argv.includes('--no-lighthouse')
const argv = process.argv.slice(2)

// The sandbox first: its servers and load client are processes of their own, and want the cores.
let sandbox: SandboxBench | null = null
if (sandboxBenchWanted(argv)) {
  log('sandbox throughput: the sandbox, a bare node:http floor and oauth2-mock-server, round by round…')
  sandbox = await sandboxBench(argv, log)
}
const sandboxRows = sandbox ? throughputRows(sandbox.throughput, targets.sandboxOverFloor) : []
if (onlySandbox(argv)) {
  writeReport({ sandbox }, sandboxRows)
  process.exit(0)
}

// Node first, while nothing else of ours is running.
log(`Scenario → Run in Node, ${RUNS} Runs interleaved with ${RUNS} floor iterations…`)
const node = await benchPipeline({ runs: RUNS, warmup: WARMUP })
log('parser growth, 100 KB → 1 MB of hostile input…')
const growth = parserGrowth()

log('building the app and the bench pages (production mode)…')
await buildApp()
await buildBenchPages()
const firstPaint = firstPaintCost(APP_DIST)
const reactAlone = firstPaintCost(PAGES_DIST, 'react-floor.html')
const permalinks = await permalinkLengths()
const precache = precacheCost(APP_DIST)

let chromium: PipelineBenchResult | null = null
let edit: EditToScreenResult | null = null
let firstVisit: FirstVisitBytes | null = null
const lighthouse: LighthouseResult[] = []
if (chrome === null) log('no Chromium found (see README, Quick start): browser figures are skipped')
else {
  log(`Scenario → Run in headless Chromium, ${RUNS} + ${RUNS}…`)
  chromium = await browserPipeline({ runs: RUNS, warmup: WARMUP })
  log(`edit-to-screen, ${EDITS} Scope edits…`)
  edit = await editToScreenInChromium(EDITS)
  log('first visit, every request (the service worker included) until 5 s of network idle…')
  firstVisit = await measureFirstVisit()
  if (withLighthouse) {
    const served = await serveApp()
    try {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        log(`Lighthouse (${formFactor})…`)
        try {
          lighthouse.push(await runLighthouse(served.url, formFactor, chrome))
        } catch (error) {
          log(`Lighthouse (${formFactor}) failed, skipped: ${(error as Error).message.split('\n')[0]}`)
        }
      }
    } finally {
      await served.close()
    }
  }
}

const measured = {
  node,
  chromium,
  edit,
  firstPaint,
  reactAlone,
  permalinks,
  growth,
  lighthouse,
  firstVisit,
  precache,
  budgets,
  targets,
}
const rows = [
  ...rowsFor(measured),
  ...firstVisitRows(firstVisit, precache, firstPaint, allBudgets),
  ...sandboxRows,
]
writeReport({ ...measured, sandbox }, rows)

/** Prints the table and writes every sample to bench/report.json. */
function writeReport(details: object, rows: Row[]): void {
  const chromiumVersion = chrome
    ? execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    : null
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}${chromiumVersion ? `, ${chromiumVersion}` : ''}`
  writeFileSync(
    new URL('report.json', import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), machine, rows, ...details }, null, 2)}\n`,
  )
  console.log(
    `\n${formatTable(rows)}\n\n${machine}; ${((performance.now() - started) / 1000).toFixed(0)} s. Details: bench/report.json`,
  )
}

/** A fresh browser context (empty caches, service workers allowed) opening the bench's app build. */
async function measureFirstVisit(): Promise<FirstVisitBytes> {
  const served = await serveApp()
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' })
    return await firstVisitBytes(context, served.url, APP_DIST)
  } finally {
    await browser.close()
    await served.close()
  }
}
